import { describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/forms';
import { refusalOf } from './support/words';
import { checkoutSchema } from '@/lib/checkout/customer-input';
import { countryName } from '@/lib/catalog/countries';
import { licenseOverrideSchema, sourceSchema } from '@/lib/downloads/settings';

const customer = { email: 'a@example.com', fullName: 'A', addressLine1: '1 Road', addressLine2: '', city: 'Cork', postalCode: 'T12', country: 'IE' };

describe('input that once slipped through', () => {
  it('refuses inherited object keys as countries', () => {
    for (const country of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      expect(refusalOf(() => parseInput(checkoutSchema, { ...customer, country })).fields).toEqual({ country: 'Choose a country from the list.' });
      expect(countryName(country)).toBe(country);
    }
    expect(parseInput(checkoutSchema, customer)).toMatchObject({ country: 'IE' });
  });

  it('refuses license expiry dates that do not exist', () => {
    for (const expiresOn of ['2024-13-45', '2025-02-30', '2025-2-3']) {
      expect(licenseOverrideSchema.safeParse({ downloadLimit: '', expiresOn }).success, expiresOn).toBe(false);
    }
    expect(licenseOverrideSchema.parse({ downloadLimit: '3', expiresOn: '2028-02-29' }))
      .toEqual({ downloadLimit: 3, expiresAt: new Date('2028-02-29T23:59:59Z') });
  });

  it('stores external URLs percent-encoded, so they are valid Location headers', () => {
    const parsed = sourceSchema.parse({ kind: 'external', fileName: 'f.zip', externalUrl: 'https://files.example/文件 1.zip' });
    expect(parsed).toMatchObject({ externalUrl: 'https://files.example/%E6%96%87%E4%BB%B6%201.zip' });
  });
});
