import type { Db } from '../db/client';
import { CURRENCIES } from '../catalog/currencies';
import { DEMO_PRODUCTS, DEMO_SHIPPING, demoImagePath, demoPrices } from './products';
import { seedDemoContent } from './content';
import { DEMO_PRODUCT_TEXTS } from './translations';

/** Idempotent: products, prices and shipping are upserted by key, so running it twice changes nothing. */
export async function seedDemoCatalog(db: Db): Promise<number> {
  for (const product of DEMO_PRODUCTS) {
    const data = { ...product, currency: 'EUR', imagePath: demoImagePath(product.slug) };
    const { id: productId } = await db.product.upsert({ where: { slug: product.slug }, create: data, update: data });
    for (const [currency, priceCents] of Object.entries(demoPrices(product.priceCents))) {
      await db.productPrice.upsert({
        where: { productId_currency: { productId, currency } },
        create: { productId, currency, priceCents }, update: { priceCents },
      });
    }
    for (const [locale, texts] of Object.entries(DEMO_PRODUCT_TEXTS[product.slug] ?? {})) {
      await db.productText.upsert({ where: { productId_locale: { productId, locale } }, create: { productId, locale, ...texts }, update: texts });
    }
  }
  for (const currency of CURRENCIES) {
    const shippingCents = DEMO_SHIPPING[currency];
    await db.shippingRate.upsert({ where: { currency }, create: { currency, shippingCents }, update: { shippingCents } });
  }
  await seedDemoContent(db);
  return DEMO_PRODUCTS.length;
}
