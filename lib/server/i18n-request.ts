// next-intl without locale routing: the language comes from the URL's `?lang=` (hreflang links,
// for that request only), else the session (the language switch, or a merchant payload's
// `language`, kept while the shopper checks out), else the switch's long-lived cookie, else the
// browser's Accept-Language. The pseudo-locale is offered only with PSEUDO_LOCALE=1.
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { chooseLanguage, LANGUAGE_COOKIE, LANGUAGE_HEADER, type Catalogue } from '../i18n/locales';
import { messagesFor } from '../i18n/messages';
import { getShopSession } from './session';
import { offeredLanguages } from './languages';

export { LANGUAGE_COOKIE };

export const languageCookieOptions = (secure: boolean) => ({ path: '/', maxAge: 365 * 86_400, sameSite: 'lax' as const, secure, httpOnly: true });


export async function requestLocale(): Promise<Catalogue> {
  const [session, jar, sent] = await Promise.all([getShopSession(), cookies(), headers()]);
  return chooseLanguage({
    param: sent.get(LANGUAGE_HEADER), session: session.locale, cookie: jar.get(LANGUAGE_COOKIE)?.value, acceptLanguage: sent.get('accept-language'),
  }, offeredLanguages());
}

export default getRequestConfig(async ({ locale }) => {
  const resolved = locale && offeredLanguages().includes(locale as Catalogue) ? locale as Catalogue : await requestLocale();
  return { locale: resolved, messages: messagesFor(resolved) };
});
