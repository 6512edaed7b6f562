// next-intl without locale routing: the language comes from the session (a merchant payload's
// `language`, kept while the shopper checks out), else the browser's Accept-Language.
import { getRequestConfig } from 'next-intl/server';
import { headers } from 'next/headers';
import { getShopSession } from '../session/next';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales';
import { MESSAGES } from './messages';

/** The first supported language in an Accept-Language header, by quality. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? '').split(',').map((part) => {
    const [tag, ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    return { language: tag.split('-')[0].toLowerCase(), q: Number.isFinite(q) ? q : 0 };
  }).filter((entry) => entry.q > 0).sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find((language): language is Locale => (LOCALES as readonly string[]).includes(language)) ?? DEFAULT_LOCALE;
}

export async function requestLocale(): Promise<Locale> {
  const session = await getShopSession();
  if (isLocale(session.locale)) return session.locale;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async ({ locale }) => {
  const resolved = isLocale(locale) ? locale : await requestLocale();
  return { locale: resolved, messages: MESSAGES[resolved] };
});
