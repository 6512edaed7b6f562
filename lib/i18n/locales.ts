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
