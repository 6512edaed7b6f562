// Countries the shop delivers to (ISO 3166-1 alpha-2). Their names come from Intl, in the
// reader's language: the list never needs translating.
import { countryNameIn, dateLocale } from '../i18n/intl';
import { keptIn } from '../kept';

export const COUNTRY_CODES = [
  'AT', 'BE', 'CA', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'IE',
  'IT', 'JP', 'LU', 'NL', 'NO', 'PL', 'PT', 'SE', 'US',
] as const;

/** For membership checks: `Object.hasOwn(COUNTRIES, code)`. */
export const COUNTRIES: Readonly<Record<string, true>> = Object.fromEntries(COUNTRY_CODES.map((code) => [code, true]));

/** A country's name in a language ("Germany", "Deutschland", "Allemagne"); an unknown code stays as it is. English for the admin's pages. */
export const countryName = (code: string, language = 'en') => countryNameIn(code, language);

const options = new Map<string, readonly { code: string; name: string }[]>();

/** The delivery countries for a picker, named and sorted in the reader's language. */
export function countryOptions(language: string): readonly { code: string; name: string }[] {
  const locale = dateLocale(language);
  return keptIn(options, locale, () => {
    const collator = new Intl.Collator(locale);
    return COUNTRY_CODES.map((code) => ({ code, name: countryNameIn(code, language) })).sort((a, b) => collator.compare(a.name, b.name));
  });
}
