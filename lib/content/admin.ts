// Admin edits of articles and passes: validated input, then one write each.
import { z } from 'zod';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { ShopError, type AdminErrorCode, type MessageParams } from '../errors';
import { reason } from '../forms';
import { TRANSLATED_LOCALES } from '../catalog/admin';

const slug = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, reason('slugInvalid'));
const optionalText = (max: number) => z.string().trim().max(max, reason('tooLongAtMost')).transform((v) => (v === '' ? null : v));
const productSlug = optionalText(100);
const days = z.coerce.number({ error: reason('daysNotNumber') }).int(reason('daysWhole')).min(1, reason('atLeast')).max(3650, reason('atMost'));
const requiredText = (max: number) => z.string().trim().min(1, reason('required')).max(max, reason('tooLongAtMost'));

export const articleSchema = z.object({
  slug,
  title: requiredText(200),
  teaser: requiredText(1000),
  body: z.string().min(1, reason('required')).max(200_000, reason('tooLongAtMost')),
  contentId: optionalText(200),
  free: z.enum(['on', '']).transform((v) => v === 'on'),
  linkDays: days,
  productSlug,
});

export const passSchema = z.object({
  slug,
  name: requiredText(200),
  termDays: days,
  productSlug,
  articleSlugs: z.array(slug).max(500),
});

/** One language's title and teaser; an empty one falls back to the default language's. */
export const articleTextsSchema = z.object({
  locale: z.enum(TRANSLATED_LOCALES as [string, ...string[]], { error: reason('languageUnknown') }),
  title: optionalText(200),
  teaser: optionalText(1000),
});

export const ARTICLE_TEXTS_FIELDS = ['locale', 'title', 'teaser'] as const;

export const ARTICLE_FIELDS = ['slug', 'title', 'teaser', 'body', 'contentId', 'free', 'linkDays', 'productSlug'] as const;
export const PASS_FIELDS = ['slug', 'name', 'termDays', 'productSlug'] as const;

export class ContentAdminError extends ShopError {
  constructor(readonly code: Extract<AdminErrorCode, 'CONTENT_ITEM_NOT_FOUND' | 'CONTENT_TAKEN' | 'CONTENT_PRODUCT_KIND'>, params?: MessageParams) {
    super(`${code} ${JSON.stringify(params ?? {})}`, { params });
  }
}

/** An article is sold by an article product, a pass by a pass product. */
async function contentProductId(db: Db, slugValue: string | null, kind: 'article' | 'pass'): Promise<number | null> {
  if (!slugValue) return null;
  const product = await db.product.findUnique({ where: { slug: slugValue }, select: { id: true, kind: true } });
  if (product?.kind !== kind) throw new ContentAdminError('CONTENT_PRODUCT_KIND', { kind });
  return product.id;
}

async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ContentAdminError('CONTENT_TAKEN');
    if ((error as { code?: string })?.code === 'P2025') throw new ContentAdminError('CONTENT_ITEM_NOT_FOUND');
    throw error;
  }
}

/** Creates (id null) or updates an article. */
export async function saveArticle(db: Db, id: number | null, input: z.infer<typeof articleSchema>, now: Date) {
  const { productSlug: product, ...fields } = input;
  const data = { ...fields, productId: await contentProductId(db, product, 'article'), updatedAt: now };
  return guarded(() => (id === null
    ? db.article.create({ data: { ...data, createdAt: now } })
    : db.article.update({ where: { id }, data })));
}

/** Creates or updates a pass and sets its articles. */
export async function savePass(db: Db, id: number | null, input: z.infer<typeof passSchema>, now: Date) {
  const { productSlug: product, articleSlugs, ...fields } = input;
  const data = { ...fields, productId: await contentProductId(db, product, 'pass'), updatedAt: now };
  const articles = await db.article.findMany({ where: { slug: { in: articleSlugs } }, select: { id: true } });
  return guarded(() => db.$transaction(async (tx) => {
    const pass = id === null ? await tx.pass.create({ data: { ...data, createdAt: now } }) : await tx.pass.update({ where: { id }, data });
    await tx.passArticle.deleteMany({ where: { passId: pass.id } });
    await tx.passArticle.createMany({ data: articles.map((a) => ({ passId: pass.id, articleId: a.id })) });
    return pass;
  }));
}

/** Saves one language's texts of an article; both empty removes the translation. */
export async function saveArticleTexts(db: Db, articleId: number, { locale, ...texts }: z.infer<typeof articleTextsSchema>) {
  if ((await db.article.count({ where: { id: articleId } })) === 0) throw new ContentAdminError('CONTENT_ITEM_NOT_FOUND');
  if (texts.title === null && texts.teaser === null) {
    await db.articleText.deleteMany({ where: { articleId, locale } });
    return;
  }
  await guarded(() => db.articleText.upsert({ where: { articleId_locale: { articleId, locale } }, create: { articleId, locale, ...texts }, update: texts }));
}

export function contentForAdmin(db: Db) {
  return Promise.all([
    db.article.findMany({ orderBy: { id: 'asc' }, include: { product: { select: { slug: true } }, texts: true } }),
    db.pass.findMany({ orderBy: { id: 'asc' }, include: { product: { select: { slug: true } }, articles: { select: { article: { select: { slug: true } } } } } }),
    db.product.findMany({ where: { kind: { in: ['article', 'pass'] } }, orderBy: { id: 'asc' }, select: { slug: true, name: true, kind: true } }),
  ]);
}
