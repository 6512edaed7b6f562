// Every refusal's words live in the message catalogue, once per language: a code without
// words, words without a code, or an English sentence copied into German fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CouponUnknown } from '@/lib/coupons/errors';
import { LicenseRevoked } from '@/lib/downloads/errors';
import { InputInvalid } from '@/lib/errors';
import { fieldReason } from '@/lib/forms';
import { ERROR_CODES, errorPage, publicError } from '@/lib/http/errors';
import { CertificateRefused } from '@/lib/integrations';
import { argumentsOf } from '../support/icu';

type Catalogue = Record<string, Record<string, string>>;

const DIR = path.resolve('messages');
const catalogues: Record<string, Catalogue> = Object.fromEntries(readdirSync(DIR).filter((name) => name.endsWith('.json'))
  .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(DIR, name), 'utf8'))]));
const { en, ...translations } = catalogues;
const PUBLIC_CODES = [...ERROR_CODES, 'INTERNAL', 'UNAVAILABLE'].sort();
/** Namespaces of words for refusals; `Fields` (labels such as "Name") may read the same in two languages. */
const REFUSAL_WORDS = ['Errors', 'FieldErrors', 'ErrorPage'];

describe('the words of refusals', () => {
  it('has English and at least one other language', () => {
    expect(en).toBeDefined();
    expect(Object.keys(translations).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(catalogues))('%s has words for every code, and no words for codes that do not exist', (locale) => {
    expect(Object.keys(catalogues[locale].Errors ?? {}).sort()).toEqual(PUBLIC_CODES);
  });

  it.each(Object.keys(translations))('%s has the same field reasons, labels and headings as English', (locale) => {
    for (const namespace of [...REFUSAL_WORDS, 'Fields']) {
      expect(Object.keys(translations[locale][namespace] ?? {}).sort(), namespace).toEqual(Object.keys(en[namespace]).sort());
    }
  });

  it.each(Object.keys(translations))('%s translates every refusal (no English copy) and names the same values', (locale) => {
    for (const namespace of REFUSAL_WORDS) {
      for (const [key, english] of Object.entries(en[namespace])) {
        const translated = translations[locale][namespace]?.[key];
        expect(translated, `${namespace}.${key}`).not.toBe(english);
        expect(argumentsOf(translated ?? ''), `${namespace}.${key}`).toEqual(argumentsOf(english));
      }
    }
  });
});

describe('a refusal in a language', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('names the values its words name, as typed', () => {
    expect(publicError(new CouponUnknown('SAVE10'), 't', 'de').message).toBe('Den Gutschein „SAVE10“ gibt es nicht.');
    expect(publicError(new CertificateRefused('CERTIFICATE_KEY_TOO_LARGE', { bits: 8200, max: 8192 }), 't').message)
      .toBe('This RSA key has 8200 bits; at most 8192 are accepted.');
  });

  it('gives each refused field its reason, with the field\'s label', () => {
    const refused = new InputInvalid({ city: fieldReason('required'), postalCode: { reason: 'no such reason' } });
    expect(publicError(refused, 't', 'de')).toMatchObject({
      status: 422, code: 'INPUT_INVALID', fields: { city: 'Ort ist erforderlich.', postalCode: 'Postleitzahl ist ungültig.' },
    });
  });

  it('says nothing about an unknown error, in the asked language', () => {
    expect(publicError(new Error('boom at /srv/secret.ts'), 't', 'de')).toEqual({ status: 500, code: 'INTERNAL', message: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.' });
  });

  it('renders the small error page in its language, heading included, English without one', () => {
    const german = errorPage(new LicenseRevoked(), 't', 'order', 'de').html;
    expect(german).toContain('<html lang="de">');
    expect(german).toContain('<h1>Bestellung nicht verfügbar</h1>');
    expect(german).toContain('Dieser Download ist nicht mehr verfügbar');
    const english = errorPage(new LicenseRevoked(), 't').html;
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>Download not available</h1>');
  });
});
