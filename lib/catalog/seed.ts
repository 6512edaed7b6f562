import type { Db } from '../db/client';
import { DEMO_PRODUCTS, demoImagePath } from './demo-products';
import { seedDemoContent } from '../content/seed';

/** Idempotent: products are upserted by slug, so running it twice changes nothing. */
export async function seedDemoCatalog(db: Db): Promise<number> {
  for (const product of DEMO_PRODUCTS) {
    const data = { ...product, imagePath: demoImagePath(product.slug) };
    await db.product.upsert({ where: { slug: product.slug }, create: data, update: data });
  }
  await seedDemoContent(db);
  return DEMO_PRODUCTS.length;
}
