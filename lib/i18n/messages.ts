// The message catalogues, for server code outside a request (emails) and for next-intl's request config.
import { createTranslator } from 'next-intl';
import en from '../../messages/en.json';
import de from '../../messages/de.json';
import { localeFor, type Locale } from './locales';

export const MESSAGES: Record<Locale, typeof en> = { en, de };

export function translatorFor<N extends keyof typeof en>(language: string, namespace: N) {
  const locale = localeFor(language);
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

const MONEY_LOCALE: Record<Locale, string> = { en: 'en-IE', de: 'de-DE' };
export const moneyLocale = (language: string) => MONEY_LOCALE[localeFor(language)];
