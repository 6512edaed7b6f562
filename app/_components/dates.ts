// Dates are shown in UTC and said so, so every reader sees the same time. A formatter
// is made once per language and style (building one costs about 100 µs).
import { keptIn } from '@/lib/kept';

const DATE_LOCALE: Record<string, string> = { en: 'en-GB', de: 'de-DE' };
const dateLocale = (language: string) => DATE_LOCALE[language] ?? 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const locale = dateLocale(language);
  return keptIn(formatters, `${locale} ${withTime}`, () => new Intl.DateTimeFormat(locale,
    withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' }));
}

export const formatDate = (value: Date, language = 'en') => formatter(language, false).format(value);
export const formatDateTime = (value: Date, language = 'en') => `${formatter(language, true).format(value)} UTC`;
