import type { Db } from '../db/client';

export const PRODUCT_KINDS = ['physical', 'digital', 'content'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export function listProducts(db: Db) {
  return db.product.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
}

export function findProduct(db: Db, slug: string) {
  return db.product.findFirst({ where: { slug, active: true } });
}

export function findProductsBySlugs(db: Db, slugs: readonly string[]) {
  return db.product.findMany({ where: { slug: { in: [...slugs] }, active: true } });
}
