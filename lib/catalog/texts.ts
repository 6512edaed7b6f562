// The catalogue in the reader's language. A product's (or an article's) own texts are the
// default language's; a translation (ProductText, ArticleText) carries another language's,
// and any text it lacks falls back to the default, so a half-translated product still reads whole.
import { DEFAULT_LOCALE } from '../i18n/locales';

export const PRODUCT_TEXT_FIELDS = ['name', 'summary', 'description'] as const;
export const ARTICLE_TEXT_FIELDS = ['title', 'teaser'] as const;

export type ProductTextField = (typeof PRODUCT_TEXT_FIELDS)[number];
export type ArticleTextField = (typeof ARTICLE_TEXT_FIELDS)[number];

/** A translation as stored: a text left out (null or empty) is the default language's. */
export type Translation<F extends string> = Partial<Record<F, string | null>>;

/** `own` with each text the translation has put in its place. */
export function translated<T extends Partial<Record<F, string>>, F extends string>(
  own: T, fields: readonly F[], translation: Translation<F> | null | undefined,
): T {
  if (!translation) return own;
  const texts = fields.flatMap((field) => (translation[field] && field in own ? [[field, translation[field]] as const] : []));
  return texts.length === 0 ? own : { ...own, ...Object.fromEntries(texts) };
}

/** Whether a language has translations to look up: the default language's texts are the rows' own. */
export const isTranslated = (language: string) => language !== DEFAULT_LOCALE;

/** The Prisma relation filter for a language's texts; callers skip the lookup for the default language (`isTranslated`). */
export const textsIn = (language: string) => ({ where: { locale: language } });

/** Rows loaded with `texts: textsIn(language)`, each put in that language. */
export function inLanguage<T extends Partial<Record<F, string>> & { texts?: Translation<F>[] }, F extends string>(
  rows: readonly T[], fields: readonly F[],
): Omit<T, 'texts'>[] {
  return rows.map(({ texts, ...row }) => translated(row as Omit<T, 'texts'> & Partial<Record<F, string>>, fields, texts?.[0]));
}
