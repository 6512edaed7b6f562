import type { Db } from '../db/client';
import type { Currency } from './currencies';
import type { ProductKind } from './kinds';

export function listProducts(db: Db) {
  return db.product.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
}

export function findProduct(db: Db, slug: string) {
  return db.product.findFirst({ where: { slug, active: true } });
}

export function findProductsBySlugs(db: Db, slugs: readonly string[]) {
  return db.product.findMany({ where: { slug: { in: [...slugs] }, active: true } });
}

/** The kinds of these active products, for what checkout must ask (lib/fulfilment). */
export async function kindsOf(db: Db, slugs: readonly string[]): Promise<ProductKind[]> {
  const products = await db.product.findMany({ where: { slug: { in: [...slugs] }, active: true }, select: { kind: true } });
  return products.map((product) => product.kind);
}

/** Active products with their price in `currency`; a product without a price there is left out (not sold in it). */
export async function productsPricedIn(db: Db, currency: Currency, slugs?: readonly string[]) {
  const products = await db.product.findMany({
    where: { active: true, ...(slugs ? { slug: { in: [...slugs] } } : {}) },
    orderBy: { id: 'asc' },
    include: { prices: { where: { currency } } },
  });
  return products.flatMap(({ prices, ...product }) => (prices[0] ? [{ ...product, currency, priceCents: prices[0].priceCents }] : []));
}

export async function shippingIn(db: Db, currency: Currency): Promise<number> {
  const rate = await db.shippingRate.findUnique({ where: { currency } });
  if (!rate) throw new Error(`no shipping rate for ${currency}`);
  return rate.shippingCents;
}
