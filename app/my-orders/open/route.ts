// POST /my-orders/open (the button on the sign-in page): spends the sign-in link and holds every
// order of its address in this browser's session, so each opens at the FULL tier from /my-orders.
// A GET (a mail scanner following the link) never gets here: it only sees the button.
import { db, shop } from '@/lib/server/shop';
import { refusal } from '@/lib/errors';
import { isCrossOrigin, refusalResponse, seeOther } from '@/lib/http/errors';
import { readBodyText } from '@/lib/http/request-guard';
import { redeemSignInLink } from '@/lib/order-finder/sign-in';
import { queryPairs } from '@/lib/signing';
import { rememberOrder } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';
import { requestLocale } from '@/lib/server/i18n-request';

export async function POST(request: Request) {
  const locale = await requestLocale();
  try {
    const { settings: { publicUrl }, rings } = shop();
    if (isCrossOrigin(request, publicUrl)) throw refusal('CROSS_ORIGIN');
    const link = new URLSearchParams(await readBodyText(request)).get('link') ?? '';
    const numbers = await redeemSignInLink(db(), queryPairs(link), rings.finder, new Date());
    const session = await getShopSession();
    for (const number of numbers) session.orders = rememberOrder(session.orders, number);
    await session.save();
    return seeOther(`/my-orders?found=${numbers.length}`);
  } catch (error) {
    return refusalResponse(error, 'find-orders', request, 'findOrders', locale);
  }
}
