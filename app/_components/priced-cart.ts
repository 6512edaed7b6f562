import 'server-only';
import { db } from '@/lib/db/client';
import { findProductsBySlugs } from '@/lib/catalog/products';
import { priceCart } from '@/lib/cart/cart';
import { getShopSession } from '@/lib/session/next';

export async function loadPricedCart() {
  const lines = (await getShopSession()).cart ?? [];
  return priceCart(lines, await findProductsBySlugs(db(), lines.map((line) => line.slug)));
}
