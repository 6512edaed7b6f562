// The currencies the shop sells in, and which one a country pays in.
import { COUNTRIES } from './countries';

export const CURRENCIES = ['EUR', 'GBP', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const DEFAULT_CURRENCY: Currency = 'EUR';

export const isCurrency = (code: string): code is Currency => (CURRENCIES as readonly string[]).includes(code);

/** Every country the shop delivers to pays in one of its currencies; the rest of Europe pays in euros. */
const COUNTRY_CURRENCY: Readonly<Record<string, Currency>> = {
  GB: 'GBP',
  US: 'USD', CA: 'USD', JP: 'USD',
};

export function currencyForCountry(country: string): Currency | null {
  if (!Object.hasOwn(COUNTRIES, country)) return null;
  return COUNTRY_CURRENCY[country] ?? 'EUR';
}
