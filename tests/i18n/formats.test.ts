// One format per language, on pages and in emails alike: prices, dates and country names come
// from Intl in the reader's language.
import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from '@/lib/catalog/countries';
import { formatDate, formatDateTime, moneyLocale } from '@/lib/i18n/intl';
import { formatMoney } from '@/lib/money';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const AT = new Date('2026-12-06T10:08:00Z');

describe('formats per language', () => {
  it('prices', () => {
    expect(formatMoney(1200, 'EUR', moneyLocale('en'))).toBe('€12.00');
    expect(nbsp(formatMoney(1200, 'EUR', moneyLocale('de')))).toBe('12,00 €');
    expect(nbsp(formatMoney(1200, 'EUR', moneyLocale('fr')))).toBe('12,00 €');
    expect(formatMoney(1200, 'GBP', moneyLocale('xx'))).toBe('£12.00');
  });

  it('dates and times, in UTC and saying so', () => {
    expect(formatDate(AT, 'en')).toBe('6 December 2026');
    expect(formatDate(AT, 'de')).toBe('6. Dezember 2026');
    expect(formatDate(AT, 'fr')).toBe('6 décembre 2026');
    expect(nbsp(formatDateTime(AT, 'en'))).toBe('6 December 2026 at 10:08 UTC');
    expect(nbsp(formatDateTime(AT, 'de'))).toBe('6. Dezember 2026 um 10:08 UTC');
    expect(nbsp(formatDateTime(AT, 'fr'))).toBe('6 décembre 2026 à 10:08 UTC');
  });

  it('country names, and the picker sorted by them', () => {
    expect(['en', 'de', 'fr'].map((language) => countryName('DE', language))).toEqual(['Germany', 'Deutschland', 'Allemagne']);
    expect(countryName('toString', 'fr')).toBe('toString');
    const french = countryOptions('fr').map(({ name }) => name);
    expect(french[0]).toBe('Allemagne');
    expect(french).toContain('États-Unis');
    expect(countryOptions('de').map(({ code }) => code)).toHaveLength(21);
  });
});
