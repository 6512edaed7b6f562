import { translatorFor } from '@/lib/i18n/messages';
import { FRESH_LINK_ACTION } from '@/lib/fresh-links/offer';
import type { FreshLinkKind } from '@/lib/fresh-links/fresh-link';

/** An expired link's way forward: a plain form (no script) that posts the link back to /fresh-link. */
export function FreshLinkOffer({ kind, link, locale }: { kind: FreshLinkKind; link: string; locale: string }) {
  const t = translatorFor(locale, 'FreshLink');
  return (
    <form method="post" action={FRESH_LINK_ACTION} className="fresh-link">
      <p role="alert">{t('expired')}</p>
      <p>{t('offerHint')}</p>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="link" value={link} />
      <button type="submit">{t('offer')}</button>
    </form>
  );
}
