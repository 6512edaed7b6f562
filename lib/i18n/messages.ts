// The message catalogues, for next-intl's request config, and translators for server code:
// emails, and server components on hot pages (the order page).
import { _createCache, _createIntlFormatters, createTranslator } from 'next-intl';
import en from '../../messages/en.json' with { type: 'json' };
import de from '../../messages/de.json' with { type: 'json' };
import { keptIn } from '../kept';
import { localeFor, type Locale } from './locales';

export const MESSAGES: Record<Locale, typeof en> = { en, de };

// Parsed once per process: next-intl's useTranslations parses every message again on each
// request (its cache lives for one request), most of what translating a short page costs.
const parsedMessages = _createCache();
const formatters = _createIntlFormatters(parsedMessages);
const translators = new Map<string, unknown>();

type Namespace = keyof typeof en;
const translate = <N extends Namespace>(locale: Locale, namespace: N) => createTranslator({
  locale, messages: MESSAGES[locale], namespace, _cache: parsedMessages, _formatters: formatters,
});

/** A translator for a language and namespace; in a server component, `translatorFor(useLocale(), …)`. */
export function translatorFor<N extends Namespace>(language: string, namespace: N): ReturnType<typeof translate<N>> {
  const locale = localeFor(language);
  return keptIn(translators, `${locale}.${namespace}`, () => translate(locale, namespace)) as ReturnType<typeof translate<N>>;
}

const MONEY_LOCALE: Record<Locale, string> = { en: 'en-IE', de: 'de-DE' };
export const moneyLocale = (language: string) => MONEY_LOCALE[localeFor(language)];
