// next-intl without locale routing: the language comes from the session (a merchant payload's
// `language`, kept while the shopper checks out), else the browser's Accept-Language.
import { getRequestConfig } from 'next-intl/server';
import { headers } from 'next/headers';
import { isLocale, negotiateLocale, type Locale } from '../i18n/locales';
import { MESSAGES } from '../i18n/messages';
import { getShopSession } from './session';

export async function requestLocale(): Promise<Locale> {
  const session = await getShopSession();
  if (isLocale(session.locale)) return session.locale;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async ({ locale }) => {
  const resolved = isLocale(locale) ? locale : await requestLocale();
  return { locale: resolved, messages: MESSAGES[resolved] };
});
