// POST /fresh-link (the "email me a fresh link" button of an expired download or claim link):
// a genuine expired link mails a new one-time link to the order's own address; the answer
// never shows it. A tampered or still-valid link is refused and mails nothing.
import { db, shop } from '@/lib/server/shop';
import { refusal } from '@/lib/errors';
import { isCrossOrigin, refusalResponse, seeOther } from '@/lib/http/errors';
import { readBodyText } from '@/lib/http/request-guard';
import { clientAddressOf } from '@/lib/http/client-address';
import { isFreshLinkKind, limitFreshLink, mailFreshLink, orderOfExpiredLink } from '@/lib/fresh-links/fresh-link';
import { rateLimits } from '@/lib/server/rate-limits';
import { deliverMailSoon } from '@/lib/server/mail';
import { requestLocale } from '@/lib/server/i18n-request';

export async function POST(request: Request) {
  const locale = await requestLocale();
  try {
    const { settings: { publicUrl, trustProxy }, rings } = shop();
    if (isCrossOrigin(request, publicUrl)) throw refusal('CROSS_ORIGIN');
    const form = new URLSearchParams(await readBodyText(request));
    const kind = form.get('kind');
    if (!isFreshLinkKind(kind)) throw refusal('BAD_REQUEST');
    await rateLimits().consume('fresh-link-per-ip', clientAddressOf(request.headers, trustProxy));
    const now = new Date();
    const order = await orderOfExpiredLink(db(), kind, form.get('link') ?? '', rings, now);
    await limitFreshLink(rateLimits(), order);
    await mailFreshLink(db(), order, { ring: rings.claims, publicUrl, now });
    deliverMailSoon();
    return seeOther('/fresh-link/sent');
  } catch (error) {
    return refusalResponse(error, 'fresh-link', request, 'download', locale);
  }
}
