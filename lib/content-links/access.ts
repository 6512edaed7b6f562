// Deciding whether a presented link opens an article: an article link for it, or a pass link
// (given as `pass`, or presented directly to the access API) for a pass that holds it.
import type { Db } from '../db/client';
import { grantingProducts, passWithArticles, publicArticle, unlockedBodyHtml, type PublicArticle } from '../content/articles';
import { ContentNotFound, LinkMissing, LinkNotForContent, LinkRevoked } from './errors';
import { articlePath, parseContentLink, PASSES_PATH, passPath, type ParsedLink } from './link';
import { verifyParsedLink, type KeySource } from './verify';

export interface AccessContext {
  db: Db;
  publicOrigin: string;
  keys: KeySource;
  nowMs: number;
  /**
   * Whether the grant a link names in `sg` no longer opens anything: revoked (its line was
   * refunded or cancelled) or not there at all. Asked on every use of such a link, never cached,
   * so a revocation holds at once on every instance that shares the database.
   */
  grantIsRevoked(linkRef: string): Promise<boolean>;
  /** The reader's language, for the titles and teasers a page shows (the default language's when not given). */
  language?: string;
}

export interface Presented {
  /** The article link (the raw request URL, or the access API's header). */
  link?: string | null;
  /** A pass link, already percent-decoded. */
  pass?: string | null;
}

export interface Unlocked { article: PublicArticle; html: string; via: 'free' | 'article' | 'pass' }

type PassWithArticles = NonNullable<Awaited<ReturnType<typeof passWithArticles>>>;

/**
 * The last check, after signature, expiry and content: a link that names its grant (the shop's
 * own links) opens only while that grant stands. Links without `sg` (an external issuer's, and
 * the shop's from before `sg`) are not looked up.
 */
async function grantStillStands(ctx: AccessContext, link: ParsedLink): Promise<ParsedLink> {
  if (link.fields.sg !== undefined && (await ctx.grantIsRevoked(link.fields.sg))) throw new LinkRevoked();
  return link;
}

const passTarget = (pass: PassWithArticles) => ({ path: passPath(pass.slug), productIds: pass.product ? [pass.product.slug] : [] });

/** A pass link for this pass: its path and its product, and its grant still standing. */
export async function verifyPassLink(ctx: AccessContext, pass: PassWithArticles, raw: string) {
  const link = await verifyParsedLink(parseContentLink(raw, ctx.publicOrigin), passTarget(pass), ctx.keys, ctx.nowMs);
  return grantStillStands(ctx, link);
}

async function verifyPassFor(ctx: AccessContext, article: PublicArticle, raw: string) {
  const link = parseContentLink(raw, ctx.publicOrigin);
  const slug = link.path.startsWith(PASSES_PATH) ? link.path.slice(PASSES_PATH.length) : '';
  const pass = slug ? await passWithArticles(ctx.db, slug, ctx.language) : null;
  if (!pass) throw new LinkNotForContent('the link names no pass');
  await verifyParsedLink(link, passTarget(pass), ctx.keys, ctx.nowMs);
  if (!pass.articles.some(({ article: a }) => a.slug === article.slug)) throw new LinkNotForContent('the article is not part of this pass');
  await grantStillStands(ctx, link);
}

/** Throws ContentNotFound or a content-link error (LinkRevoked last of all); returns the rendered body when access is granted. */
export async function unlockArticle(ctx: AccessContext, slug: string, presented: Presented): Promise<Unlocked> {
  const article = await publicArticle(ctx.db, slug, ctx.language);
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
  await grantStillStands(ctx, link);
  return { article, html: await body(), via: 'article' };
}
