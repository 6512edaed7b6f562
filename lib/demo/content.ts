import type { Db } from '../db/client';
import { DEMO_ARTICLES, DEMO_PASSES } from './content-texts';
import { DEMO_ARTICLE_TEXTS } from './translations';

const productIdOf = async (db: Db, slug: string | undefined) =>
  slug ? (await db.product.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id : null;

/** Idempotent: articles and passes are upserted by slug, after the catalogue they link to. */
export async function seedDemoContent(db: Db, now = new Date()): Promise<void> {
  for (const { productSlug, free = false, contentId = null, ...article } of DEMO_ARTICLES) {
    const data = { ...article, free, contentId, productId: await productIdOf(db, productSlug), updatedAt: now };
    const { id: articleId } = await db.article.upsert({ where: { slug: article.slug }, create: { ...data, createdAt: now }, update: data });
    for (const [locale, texts] of Object.entries(DEMO_ARTICLE_TEXTS[article.slug] ?? {})) {
      await db.articleText.upsert({ where: { articleId_locale: { articleId, locale } }, create: { articleId, locale, ...texts }, update: texts });
    }
  }
  for (const { productSlug, articleSlugs, ...pass } of DEMO_PASSES) {
    const data = { ...pass, productId: await productIdOf(db, productSlug), updatedAt: now };
    const saved = await db.pass.upsert({ where: { slug: pass.slug }, create: { ...data, createdAt: now }, update: data });
    const articles = await db.article.findMany({ where: { slug: { in: articleSlugs } }, select: { id: true } });
    await db.passArticle.deleteMany({ where: { passId: saved.id } });
    await db.passArticle.createMany({ data: articles.map((a) => ({ passId: saved.id, articleId: a.id })) });
  }
}
