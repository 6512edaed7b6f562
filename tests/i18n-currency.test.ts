import { describe, expect, it } from 'vitest';
import { currencyForCountry } from '@/lib/catalog/currencies';
import { localeFor, negotiateLocale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';


const keysOf = (value: unknown, prefix = ''): string[] => (typeof value === 'object' && value !== null
  ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`)) : [prefix.slice(0, -1)]);

describe('languages', () => {
  it('takes the first language the shop speaks from Accept-Language, by quality', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(negotiateLocale('es-ES, en;q=0.5, de;q=0.7')).toBe('de');
    expect(negotiateLocale('fr-FR, en;q=0.5, de;q=0.7')).toBe('fr');
    expect(negotiateLocale('it, es')).toBe('en');
    expect(negotiateLocale('de;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
  });

  it('maps payload languages to a supported locale, any case', () => {
    expect(localeFor('DE')).toBe('de');
    expect(localeFor('es')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });

  it('has every English text in German too', () => {
    expect(keysOf(MESSAGES.de).sort()).toEqual(keysOf(MESSAGES.en).sort());
  });
});

describe('country to currency', () => {
  it('sells in pounds to the UK, in dollars to North America and Japan, in euros elsewhere in its list', () => {
    expect(currencyForCountry('GB')).toBe('GBP');
    expect(['US', 'CA', 'JP'].map(currencyForCountry)).toEqual(['USD', 'USD', 'USD']);
    expect(['DE', 'FR', 'AT', 'CH', 'SE'].map(currencyForCountry)).toEqual(['EUR', 'EUR', 'EUR', 'EUR', 'EUR']);
    expect(currencyForCountry('BR')).toBeNull();
    expect(currencyForCountry('toString')).toBeNull();
  });
});
