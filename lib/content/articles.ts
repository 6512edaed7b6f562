// Article and pass queries. The locked body is read by one function only, called after access
// was decided, so no page can select it by accident. Titles, teasers and product names come in
// the reader's language (lib/catalog/texts.ts), the default language's where none is translated.
import type { Db } from '../db/client';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { ARTICLE_TEXT_FIELDS, isTranslated, PRODUCT_TEXT_FIELDS, translated, type Translation } from '../catalog/texts';
import { renderMarkdown } from './markdown';

/** A language's texts of a row, or none for the default language (whose texts are the row's own). */
const textsOf = <S extends object>(language: string, select: S) => (isTranslated(language) ? { where: { locale: language }, select } : false);

const publicArticleSelect = (language: string) => {
  const productTexts = textsOf(language, { name: true });
  return {
    id: true, slug: true, title: true, teaser: true, contentId: true, free: true,
    texts: textsOf(language, { title: true, teaser: true }),
    product: { select: { slug: true, name: true, priceCents: true, currency: true, active: true, texts: productTexts } },
    passes: { select: { pass: { select: { slug: true, name: true, product: { select: { slug: true, name: true, active: true, texts: productTexts } } } } } },
  };
};

/** A row with its language's texts in place, and without the `texts` it was loaded with. */
function inPlace<T extends { texts?: Translation<F>[] }, F extends string>(row: T, fields: readonly F[]): Omit<T, 'texts'> {
  const { texts, ...own } = row;
  return translated(own as Omit<T, 'texts'> & Partial<Record<F, string>>, fields, texts?.[0]);
}

const productInPlace = <P extends { name: string; texts?: Translation<'name'>[] }>(product: P | null) =>
  (product ? inPlace(product, PRODUCT_TEXT_FIELDS) : null);

/** Everything about an article a visitor without access may see (no body), in `language`. */
export async function publicArticle(db: Db, slug: string, language: string = DEFAULT_LOCALE) {
  const article = await db.article.findUnique({ where: { slug }, select: publicArticleSelect(language) });
  if (!article) return null;
  const { product, passes, ...rest } = inPlace(article, ARTICLE_TEXT_FIELDS);
  return {
    ...rest,
    product: productInPlace(product),
    passes: passes.map(({ pass }) => ({ pass: { ...pass, product: productInPlace(pass.product) } })),
  };
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

export async function passWithArticles(db: Db, slug: string, language: string = DEFAULT_LOCALE) {
  const pass = await db.pass.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, termDays: true, product: { select: { slug: true } },
      articles: { select: { article: { select: { slug: true, title: true, teaser: true, texts: textsOf(language, { title: true, teaser: true }) } } } },
    },
  });
  return pass && { ...pass, articles: pass.articles.map(({ article }) => ({ article: inPlace(article, ARTICLE_TEXT_FIELDS) })) };
}

export async function listArticles(db: Db, language: string = DEFAULT_LOCALE) {
  const articles = await db.article.findMany({
    orderBy: { id: 'asc' },
    select: { slug: true, title: true, teaser: true, free: true, texts: textsOf(language, { title: true, teaser: true }) },
  });
  return articles.map((article) => inPlace(article, ARTICLE_TEXT_FIELDS));
}
