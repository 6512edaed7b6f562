// next-intl without locale routing: the language comes from the session (the language switch,
// or a merchant payload's `language`, kept while the shopper checks out), else the switch's
// long-lived cookie, else the browser's Accept-Language.
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { isLocale, negotiateLocale, type Locale } from '../i18n/locales';
import { MESSAGES } from '../i18n/messages';
import { getShopSession } from './session';

export const LANGUAGE_COOKIE = 'shop_lang';

export const languageCookieOptions = (secure: boolean) => ({ path: '/', maxAge: 365 * 86_400, sameSite: 'lax' as const, secure, httpOnly: true });

export async function requestLocale(): Promise<Locale> {
  const session = await getShopSession();
  if (isLocale(session.locale)) return session.locale;
  const chosen = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async ({ locale }) => {
  const resolved = isLocale(locale) ? locale : await requestLocale();
  return { locale: resolved, messages: MESSAGES[resolved] };
});
