// Deciding whether a presented link opens an article: an article link for it, or a pass link
// (given as `pass`, or presented directly to the access API) for a pass that holds it.
import type { Db } from '../db/client';
import { grantingProducts, passWithArticles, publicArticle, unlockedBodyHtml, type PublicArticle } from '../content/articles';
import { ContentNotFound, LinkMissing, LinkNotForContent } from './errors';
import { articlePath, parseContentLink, PASSES_PATH, passPath } from './link';
import { verifyParsedLink, type KeySource } from './verify';

export interface AccessContext {
  db: Db;
  publicOrigin: string;
  keys: KeySource;
  nowMs: number;
}

export interface Presented {
  /** The article link (the raw request URL, or the access API's header). */
  link?: string | null;
  /** A pass link, already percent-decoded. */
  pass?: string | null;
}

export interface Unlocked { article: PublicArticle; html: string; via: 'free' | 'article' | 'pass' }

type PassWithArticles = NonNullable<Awaited<ReturnType<typeof passWithArticles>>>;

/** A pass link for this pass: its path and its product. */
export async function verifyPassLink(ctx: AccessContext, pass: PassWithArticles, raw: string) {
  const link = parseContentLink(raw, ctx.publicOrigin);
  return verifyParsedLink(link, { path: passPath(pass.slug), productIds: pass.product ? [pass.product.slug] : [] }, ctx.keys, ctx.nowMs);
}

async function verifyPassFor(ctx: AccessContext, article: PublicArticle, raw: string) {
  const link = parseContentLink(raw, ctx.publicOrigin);
  const slug = link.path.startsWith(PASSES_PATH) ? link.path.slice(PASSES_PATH.length) : '';
  const pass = slug ? await passWithArticles(ctx.db, slug) : null;
  if (!pass) throw new LinkNotForContent('the link names no pass');
  await verifyPassLink(ctx, pass, raw);
  if (!pass.articles.some(({ article: a }) => a.slug === article.slug)) throw new LinkNotForContent('the article is not part of this pass');
}

/** Throws ContentNotFound or a content-link error; returns the rendered body when access is granted. */
export async function unlockArticle(ctx: AccessContext, slug: string, presented: Presented): Promise<Unlocked> {
  const article = await publicArticle(ctx.db, slug);
  if (!article) throw new ContentNotFound();
  const body = () => unlockedBodyHtml(ctx.db, article.id);
  if (article.free) return { article, html: await body(), via: 'free' };

  if (presented.pass) {
    await verifyPassFor(ctx, article, presented.pass);
    return { article, html: await body(), via: 'pass' };
  }
  if (!presented.link) throw new LinkMissing();
  const link = parseContentLink(presented.link, ctx.publicOrigin);
  if (link.path.startsWith(PASSES_PATH)) {
    await verifyPassFor(ctx, article, presented.link);
    return { article, html: await body(), via: 'pass' };
  }
  await verifyParsedLink(link, { path: articlePath(article.slug), contentId: article.contentId, productIds: grantingProducts(article) }, ctx.keys, ctx.nowMs);
  return { article, html: await body(), via: 'article' };
}
