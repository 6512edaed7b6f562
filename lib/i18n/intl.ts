// Which Intl locale formats a language's prices, dates and country names. A language formats as
// itself, except where the shop chose a region: English prices as in Ireland (€12.00, the euro
// is the shop's home currency), English dates as in Britain (6 December 2026). The pseudo-locale
// formats as English. No catalogue is imported here: client components use it too.
import { keptIn } from '../kept';

const MONEY: Readonly<Record<string, string>> = { en: 'en-IE', de: 'de-DE', fr: 'fr-FR', xx: 'en-IE' };
const DATES: Readonly<Record<string, string>> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', xx: 'en-GB' };

const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const intlLocale = (table: Readonly<Record<string, string>>, language: string) =>
  (Object.hasOwn(table, language) ? table[language] : LANGUAGE_CODE.test(language) ? language : table.en);

/** The Intl locale prices are formatted in for a page or email language (`formatMoney(…, moneyLocale(language))`). */
export const moneyLocale = (language: string) => intlLocale(MONEY, language);
/** The Intl locale dates and country names are written in for a language. */
export const dateLocale = (language: string) => intlLocale(DATES, language);

// Building an Intl formatter costs about 100 µs; each is made once per locale and style.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const regionNames = new Map<string, Intl.DisplayNames>();

/** Dates are shown in UTC and say so, so every reader (and every email) sees the same day and time. */
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };

const dateFormat = (language: string, withTime: boolean) => {
  const locale = dateLocale(language);
  return keptIn(dateFormats, `${locale} ${withTime}`, () => new Intl.DateTimeFormat(locale, withTime ? DATE_TIME : DATE));
};

/** "6 December 2026", "6. Dezember 2026", "6 décembre 2026". */
export const formatDate = (value: Date, language: string) => dateFormat(language, false).format(value);
/** "6 December 2026 at 10:08 UTC", "6. Dezember 2026 um 10:08 UTC". */
export const formatDateTime = (value: Date, language: string) => dateFormat(language, true).format(value);

/** A country's name (ISO 3166-1 alpha-2 code) in a language, as Intl knows it; the code itself if Intl does not. */
export function countryNameIn(code: string, language: string): string {
  const locale = dateLocale(language);
  const names = keptIn(regionNames, locale, () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }));
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}
