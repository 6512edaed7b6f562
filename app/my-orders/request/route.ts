// POST /my-orders/request (the form on /my-orders): mails a sign-in link when the address has
// orders, and answers the same 303 either way. The lookup and the mail run after the answer,
// so an address with orders takes no longer to answer than one without (bench/find-orders.ts).
import { after } from 'next/server';
import { db, shop } from '@/lib/server/shop';
import { InputInvalid, refusal } from '@/lib/errors';
import { fieldReason } from '@/lib/forms';
import { isCrossOrigin, refusalResponse, seeOther } from '@/lib/http/errors';
import { readBodyText } from '@/lib/http/request-guard';
import { clientAddressOf } from '@/lib/http/client-address';
import { parseTypedEmail } from '@/lib/order-finder/email';
import { limitSignInRequest, requestSignInLink } from '@/lib/order-finder/sign-in';
import { rateLimits } from '@/lib/server/rate-limits';
import { deliverMailSoon } from '@/lib/server/mail';
import { requestLocale } from '@/lib/server/i18n-request';

export async function POST(request: Request) {
  const locale = await requestLocale();
  try {
    const { settings: { publicUrl, trustProxy }, rings } = shop();
    if (isCrossOrigin(request, publicUrl)) throw refusal('CROSS_ORIGIN');
    const email = parseTypedEmail(new URLSearchParams(await readBodyText(request)).get('email'));
    if (!email) throw new InputInvalid({ email: fieldReason('emailInvalid') });
    await limitSignInRequest(rateLimits(), clientAddressOf(request.headers, trustProxy), email);
    const now = new Date();
    after(async () => {
      await requestSignInLink(db(), email, { ring: rings.finder, publicUrl, now, locale });
      deliverMailSoon();
    });
    return seeOther('/my-orders?sent=1');
  } catch (error) {
    return refusalResponse(error, 'find-orders', request, 'findOrders', locale);
  }
}
