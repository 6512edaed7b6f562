// The words the article and pass forms show, picked on the server (a client module's constants are not values there).
export const ARTICLE_FORM_KEYS = [
  'slug', 'articleTitle', 'articleTeaser', 'articleBody', 'articleContentId', 'articleLinkDays', 'articleFreeForAll', 'soldAsProduct', 'notSoldAlone',
] as const;
export const PASS_FORM_KEYS = ['slug', 'passName', 'passTerm', 'passArticles', 'soldAsProduct', 'notSoldAlone'] as const;

/** The form's own name ("Edit …", "New article") and its button, then its labels. */
type FormWords<K extends string> = Record<K | 'formLabel' | 'submit', string>;
export type ArticleFormWords = FormWords<(typeof ARTICLE_FORM_KEYS)[number]>;
export type PassFormWords = FormWords<(typeof PASS_FORM_KEYS)[number]>;
