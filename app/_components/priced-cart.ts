import 'server-only';
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { priceOrder } from '@/lib/checkout/pricing';
import { getShopSession } from '@/lib/server/session';
import { shopperCurrency } from '@/lib/session/session';

export async function loadPricedCart() {
  const session = await getShopSession();
  return priceOrder(db(), session.cart ?? [], { currency: shopperCurrency(session), language: await getLocale() }, new Date());
}
