import 'server-only';
import { db } from '@/lib/db/client';
import { productsPricedIn, shippingIn } from '@/lib/catalog/products';
import { priceCart } from '@/lib/cart/cart';
import { getShopSession } from '@/lib/session/next';
import { shopperCurrency } from '@/lib/session/session';

export async function loadPricedCart() {
  const session = await getShopSession();
  const lines = session.cart ?? [];
  const currency = shopperCurrency(session);
  const products = await productsPricedIn(db(), currency, lines.map((line) => line.slug));
  return priceCart(lines, products, { currency, shippingCents: await shippingIn(db(), currency) });
}
