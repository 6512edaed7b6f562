// The message catalogues, for next-intl's request config, and translators for server code:
// emails, and server components on hot pages (the order page).
import { _createCache, _createIntlFormatters, createTranslator } from 'next-intl';
import { keptIn } from '../kept';
import { catalogueFor, CATALOGUES, PSEUDO_LOCALE, type Catalogue, type Locale, type Messages } from './locales';
import { pseudoCatalogue } from './pseudo';

export { moneyLocale } from './intl';

/** A translation lacking a key (one added to English since) says it in English rather than showing the key. */
function completed(english: Messages, translation: object): Messages {
  return Object.fromEntries(Object.entries(english).map(([namespace, words]) => [
    namespace, { ...words, ...(translation as Record<string, object>)[namespace] },
  ])) as Messages;
}

export const MESSAGES = Object.fromEntries(Object.entries(CATALOGUES).map(([locale, messages]) => [
  locale, locale === 'en' ? messages : completed(CATALOGUES.en, messages),
])) as Record<Locale, Messages>;

let pseudo: Messages | undefined;

/** A catalogue's messages; the pseudo-locale's are made from English the first time they are asked for. */
export const messagesFor = (catalogue: Catalogue): Messages =>
  (catalogue === PSEUDO_LOCALE ? (pseudo ??= pseudoCatalogue(MESSAGES.en)) : MESSAGES[catalogue]);

// Parsed once per process: next-intl's useTranslations parses every message again on each
// request (its cache lives for one request), most of what translating a short page costs.
const parsedMessages = _createCache();
const formatters = _createIntlFormatters(parsedMessages);
const translators = new Map<string, unknown>();

type Namespace = keyof Messages;
const translate = <N extends Namespace>(locale: Catalogue, namespace: N) => createTranslator({
  locale, messages: messagesFor(locale), namespace, _cache: parsedMessages, _formatters: formatters,
});

/** A translator for a language and namespace; in a server component, `translatorFor(useLocale(), …)`. */
export function translatorFor<N extends Namespace>(language: string, namespace: N): ReturnType<typeof translate<N>> {
  const locale = catalogueFor(language);
  return keptIn(translators, `${locale}.${namespace}`, () => translate(locale, namespace)) as ReturnType<typeof translate<N>>;
}
