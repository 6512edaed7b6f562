// next-intl without locale routing: the language comes from the session (a merchant payload's
// `language`, kept while the shopper checks out), else the browser's Accept-Language.
import { getRequestConfig } from 'next-intl/server';
import { headers } from 'next/headers';
import { getShopSession } from '../session/next';
import { isLocale, negotiateLocale, type Locale } from './locales';
import { MESSAGES } from './messages';

export async function requestLocale(): Promise<Locale> {
  const session = await getShopSession();
  if (isLocale(session.locale)) return session.locale;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async ({ locale }) => {
  const resolved = isLocale(locale) ? locale : await requestLocale();
  return { locale: resolved, messages: MESSAGES[resolved] };
});
