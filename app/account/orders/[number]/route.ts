// GET /account/orders/{number}: an order of the signed-in account. It joins this browser's
// order list, so the signed link it redirects to opens at FULL tier, downloads included.
import { db, shop } from '@/lib/server/shop';
import { accountOwnsOrder } from '@/lib/accounts/accounts';
import { refusalResponse, seeOther } from '@/lib/http/errors';
import { OrderNotFound } from '@/lib/orders/errors';
import { isOrderNumber } from '@/lib/order-access/tier';
import { signedOrderPath } from '@/lib/order-access/links';
import { rememberOrder } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';
import { requestLocale } from '@/lib/server/i18n-request';

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const session = await getShopSession();
  if (!session.accountId) return seeOther('/account');
  if (!isOrderNumber(number) || !(await accountOwnsOrder(db(), session.accountId, number))) {
    return refusalResponse(new OrderNotFound(), 'account/orders', request, 'order', await requestLocale());
  }
  session.orders = rememberOrder(session.orders, number);
  await session.save();
  return seeOther(signedOrderPath(number, shop().rings.orders));
}
