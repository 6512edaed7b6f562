// The "email me a fresh link" form an expired link's page shows (plain HTML: the download
// endpoint's pages are not rendered by Next). It posts the expired link back to /fresh-link.
import { escapeHtml } from '../http/shop-page';
import { translatorFor } from '../i18n/messages';
import type { FreshLinkKind } from './fresh-link';

export const FRESH_LINK_ACTION = '/fresh-link';

export function freshLinkOfferHtml(kind: FreshLinkKind, link: string, locale: string): string {
  const t = translatorFor(locale, 'FreshLink');
  return `<form method="post" action="${FRESH_LINK_ACTION}" class="fresh-link">`
    + `<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="link" value="${escapeHtml(link)}">`
    + `<p>${escapeHtml(t('offerHint'))}</p><button type="submit">${escapeHtml(t('offer'))}</button></form>`;
}
