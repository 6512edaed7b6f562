// The languages the shop speaks: checkout, order page and emails.
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (code: unknown): code is Locale => typeof code === 'string' && (LOCALES as readonly string[]).includes(code);

/** A supported locale for an ISO-639 code (any case), else the default: a language we do not speak falls back to English. */
export const localeFor = (code: string | null | undefined): Locale => {
  const lower = code?.toLowerCase();
  return isLocale(lower) ? lower : DEFAULT_LOCALE;
};

/** The first supported language in an Accept-Language header, by quality. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? '').split(',').map((part) => {
    const [tag, ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    return { language: tag.split('-')[0].toLowerCase(), q: Number.isFinite(q) ? q : 0 };
  }).filter((entry) => entry.q > 0).sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find((language): language is Locale => (LOCALES as readonly string[]).includes(language)) ?? DEFAULT_LOCALE;
}
