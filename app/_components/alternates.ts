// hreflang without locale routing: a public page in each language is its URL with `?lang=`
// (honoured for that request by proxy.ts and lib/server/i18n-request.ts); the plain URL, which
// speaks the reader's own language, is x-default. Only public pages: never a signed or order URL.
import type { Metadata } from 'next';
import { isLocale, LANGUAGE_PARAM, LOCALES } from '@/lib/i18n/locales';

type Query = Record<string, string | string[] | undefined>;

/** `alternates` for a public page at `path`: canonical is the language URL asked for, or the plain one. */
export function languageAlternates(path: string, query: Query = {}): NonNullable<Metadata['alternates']> {
  const inLanguage = (code: string) => `${path}?${LANGUAGE_PARAM}=${code}`;
  const asked = query[LANGUAGE_PARAM];
  return {
    canonical: isLocale(asked) ? inLanguage(asked) : path,
    languages: { ...Object.fromEntries(LOCALES.map((code) => [code, inLanguage(code)])), 'x-default': path },
  };
}
