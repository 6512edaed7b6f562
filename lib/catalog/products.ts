import type { Db } from '../db/client';
import type { Currency } from './currencies';
import type { ProductKind } from './kinds';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { inLanguage, isTranslated, PRODUCT_TEXT_FIELDS, textsIn } from './texts';

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

/**
 * Active products with their price in `currency`, their texts in `language` (the default
 * language's where a text is not translated); a product without a price in `currency` is left
 * out (not sold in it).
 */
export async function productsPricedIn(db: Db, currency: Currency, slugs?: readonly string[], language: string = DEFAULT_LOCALE) {
  const products = await db.product.findMany({
    where: { active: true, ...(slugs ? { slug: { in: [...slugs] } } : {}) },
    orderBy: { id: 'asc' },
    // The default language's texts are the product's own: no lookup on that path.
    include: { prices: { where: { currency } }, texts: isTranslated(language) ? textsIn(language) : false },
  });
  return inLanguage(products, PRODUCT_TEXT_FIELDS)
    .flatMap(({ prices, ...product }) => (prices[0] ? [{ ...product, currency, priceCents: prices[0].priceCents }] : []));
}

export async function shippingIn(db: Db, currency: Currency): Promise<number> {
  const rate = await db.shippingRate.findUnique({ where: { currency } });
  if (!rate) throw new Error(`no shipping rate for ${currency}`);
  return rate.shippingCents;
}
