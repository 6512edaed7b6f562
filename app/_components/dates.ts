// Dates are shown in UTC and said so, so every reader sees the same time. A formatter
// is made once per language and style (building one costs about 100 µs).
const DATE_LOCALE: Record<string, string> = { en: 'en-GB', de: 'de-DE' };
const dateLocale = (language: string) => DATE_LOCALE[language] ?? 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const locale = dateLocale(language);
  const key = `${locale} ${withTime}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(key, made);
  }
  return made;
}

export const formatDate = (value: Date, language = 'en') => formatter(language, false).format(value);
export const formatDateTime = (value: Date, language = 'en') => `${formatter(language, true).format(value)} UTC`;
