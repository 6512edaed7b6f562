// Dates are shown in UTC and said so, so every reader sees the same time.
const DATE_LOCALE: Record<string, string> = { en: 'en-GB', de: 'de-DE' };
const dateLocale = (language: string) => DATE_LOCALE[language] ?? 'en-GB';

export const formatDate = (value: Date, language = 'en') =>
  new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(value);
export const formatDateTime = (value: Date, language = 'en') =>
  `${new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(value)} UTC`;
