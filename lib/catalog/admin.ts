// Products as the admin edits them, whatever their kind: texts in the default language, a price
// per currency (a currency left empty does not sell the product), whether it is sold at all, and
// the texts in each other language. Input is refused with a reason per field and changes nothing.
import { z } from 'zod';
import type { Db } from '../db/client';
import { ShopError } from '../errors';
import { reason } from '../forms';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales';
import { centsOf } from '../money';
import { CURRENCIES, type Currency } from './currencies';
import { PRODUCT_TEXT_FIELDS, type ProductTextField } from './texts';

export class ProductNotFound extends ShopError {
  readonly code = 'PRODUCT_NOT_FOUND';
  constructor(slug: string) { super(`no product ${slug}`); }
}

/** The languages a catalogue text can be translated into: every one but the default. */
export const TRANSLATED_LOCALES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

export const TEXT_LIMITS: Record<ProductTextField, number> = { name: 200, summary: 500, description: 5000 };

const requiredText = (max: number) => z.string().trim().min(1, reason('required')).max(max, reason('tooLongAtMost'));
const optionalText = (max: number) => z.string().trim().max(max, reason('tooLongAtMost')).transform((v) => (v === '' ? null : v));

export interface ProductEdit {
  name: string;
  summary: string;
  description: string;
  active: boolean;
  /** Minor units per currency; a currency left out is not sold in. At least one. */
  prices: Partial<Record<Currency, number>>;
}

/** A price in major units ("12.50", "12,5"); empty: the product is not sold in that currency. */
const price = (currency: Currency) => z.string().trim().transform((typed, ctx) => {
  if (typed === '') return undefined;
  const cents = centsOf(typed);
  if (cents !== null && cents > 0) return cents;
  ctx.addIssue({ code: 'custom', message: reason('priceInvalid'), params: { currency } });
  return z.NEVER;
});

/** The admin's product form, all strings: prices in major units, `active` a checkbox ("on" or ""). Every refused field at once. */
export const productFormSchema = z.object({
  name: requiredText(TEXT_LIMITS.name),
  summary: requiredText(TEXT_LIMITS.summary),
  description: requiredText(TEXT_LIMITS.description),
  active: z.enum(['on', '']).transform((v) => v === 'on'),
  EUR: price('EUR'), GBP: price('GBP'), USD: price('USD'),
}).transform(({ EUR, GBP, USD, ...rest }, ctx): ProductEdit => {
  const prices = Object.fromEntries(Object.entries({ EUR, GBP, USD }).filter(([, cents]) => cents !== undefined)) as ProductEdit['prices'];
  if (Object.keys(prices).length === 0) ctx.addIssue({ code: 'custom', path: [CURRENCIES[0]], message: reason('priceMissing') });
  return { ...rest, prices };
});

/** A price as the form shows it: "12.50", or empty when the product is not sold in that currency. */
export const priceAsTyped = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2));

export const PRODUCT_FORM_FIELDS = [...PRODUCT_TEXT_FIELDS, 'active', ...CURRENCIES] as const;

/** One language's texts; an empty text falls back to the default language's. */
export const productTextsSchema = z.object({
  locale: z.enum(TRANSLATED_LOCALES as [string, ...string[]], { error: reason('languageUnknown') }),
  name: optionalText(TEXT_LIMITS.name),
  summary: optionalText(TEXT_LIMITS.summary),
  description: optionalText(TEXT_LIMITS.description),
});

export type ProductTexts = z.infer<typeof productTextsSchema>;

export const PRODUCT_TEXTS_FIELDS = ['locale', ...PRODUCT_TEXT_FIELDS] as const;

async function productIdOf(db: Db, slug: string): Promise<number> {
  const product = await db.product.findUnique({ where: { slug }, select: { id: true } });
  if (!product) throw new ProductNotFound(slug);
  return product.id;
}

/**
 * Saves a product's texts, prices and active flag in one transaction. Currencies left out stop
 * selling it; the product's own `priceCents`/`currency` follow its first price (EUR first).
 */
export async function updateProduct(db: Db, slug: string, edit: ProductEdit) {
  const id = await productIdOf(db, slug);
  const sold = CURRENCIES.filter((currency) => edit.prices[currency] !== undefined);
  const main = sold[0];
  await db.$transaction(async (tx) => {
    await tx.product.update({
      where: { id },
      data: { name: edit.name, summary: edit.summary, description: edit.description, active: edit.active, priceCents: edit.prices[main], currency: main },
    });
    await tx.productPrice.deleteMany({ where: { productId: id, currency: { notIn: sold } } });
    for (const currency of sold) {
      const priceCents = edit.prices[currency]!;
      await tx.productPrice.upsert({ where: { productId_currency: { productId: id, currency } }, create: { productId: id, currency, priceCents }, update: { priceCents } });
    }
  });
}

/** Saves one language's texts of a product; all empty removes the translation (the default language's texts show). */
export async function saveProductTexts(db: Db, slug: string, { locale, ...texts }: ProductTexts) {
  const productId = await productIdOf(db, slug);
  if (Object.values(texts).every((text) => text === null)) {
    await db.productText.deleteMany({ where: { productId, locale } });
    return;
  }
  await db.productText.upsert({ where: { productId_locale: { productId, locale } }, create: { productId, locale, ...texts }, update: texts });
}

/** Every product of every kind for the admin, with its prices, file source and translations. */
export function productsForAdmin(db: Db) {
  return db.product.findMany({ orderBy: { id: 'asc' }, include: { prices: true, fileSource: true } });
}

export function productForAdmin(db: Db, slug: string) {
  return db.product.findUnique({
    where: { slug },
    include: {
      prices: true, fileSource: true, texts: true,
      article: { select: { slug: true, title: true } }, pass: { select: { slug: true, name: true } },
    },
  });
}
