// Article and pass queries. The locked body is read by one function only, called after access
// was decided, so no page can select it by accident.
import type { Db } from '../db/client';
import { renderMarkdown } from './markdown';

const PUBLIC_ARTICLE = {
  id: true, slug: true, title: true, teaser: true, contentId: true, free: true,
  product: { select: { slug: true, name: true, priceCents: true, currency: true, active: true } },
  passes: { select: { pass: { select: { slug: true, name: true, product: { select: { slug: true, name: true, active: true } } } } } },
} as const;

/** Everything about an article a visitor without access may see (no body). */
export function publicArticle(db: Db, slug: string) {
  return db.article.findUnique({ where: { slug }, select: PUBLIC_ARTICLE });
}

export type PublicArticle = NonNullable<Awaited<ReturnType<typeof publicArticle>>>;

/** Products whose purchase grants the article: its own, and every pass that holds it. */
export const grantingProducts = (article: PublicArticle): string[] => [
  ...(article.product ? [article.product.slug] : []),
  ...article.passes.flatMap(({ pass }) => (pass.product ? [pass.product.slug] : [])),
];

export async function unlockedBodyHtml(db: Db, articleId: number): Promise<string> {
  const { body } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  return renderMarkdown(body);
}

export function passWithArticles(db: Db, slug: string) {
  return db.pass.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, termDays: true, product: { select: { slug: true } }, articles: { select: { article: { select: { slug: true, title: true, teaser: true } } } } },
  });
}

export function listArticles(db: Db) {
  return db.article.findMany({ orderBy: { id: 'asc' }, select: { slug: true, title: true, teaser: true, free: true } });
}
