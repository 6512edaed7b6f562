// A language is one messages file: every file under messages/ is a language the shop offers, and
// each has exactly English's keys, naming the same ICU arguments and tags, and formats without
// error. The pseudo-locale marks every message and leaves its arguments alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageCookieIn, localeFor, LOCALES, negotiateLocale, PSEUDO_LOCALE, type Catalogue as Language } from '@/lib/i18n/locales';
import { MESSAGES, messagesFor, translatorFor } from '@/lib/i18n/messages';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessage, withoutPseudoText } from '@/lib/i18n/pseudo';
import { argumentsOf, tagsOf } from '../support/icu';

type Catalogue = Record<string, Record<string, string>>;

const DIR = path.resolve('messages');
const FILES: Record<string, Catalogue> = Object.fromEntries(readdirSync(DIR).filter((name) => name.endsWith('.json'))
  .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(DIR, name), 'utf8'))]));
const english = FILES.en;
const keysOf = (catalogue: Catalogue) => Object.entries(catalogue).flatMap(([namespace, words]) => Object.keys(words).map((key) => `${namespace}.${key}`)).sort();

/** Values for every argument a message names (numbers, so plurals format too) and a function for each tag. */
const sampleValues = (message: string) => ({
  ...Object.fromEntries(argumentsOf(message).map((name) => [name, 3])),
  ...Object.fromEntries(tagsOf(message).map((tag) => [tag, (chunks: unknown) => chunks])),
});

describe('the languages', () => {
  it('are the files under messages/: a language is its file and its line in lib/i18n/locales.ts', () => {
    expect(Object.keys(FILES).sort()).toEqual([...LOCALES].sort());
    expect(LOCALES).toContain('fr');
  });

  it.each(Object.keys(FILES).filter((locale) => locale !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(keysOf(FILES[locale])).toEqual(keysOf(english));
  });

  it.each(Object.keys(FILES).filter((locale) => locale !== 'en'))('%s names the same arguments and tags in every message', (locale) => {
    for (const [namespace, words] of Object.entries(english)) {
      for (const [key, message] of Object.entries(words)) {
        const translated = FILES[locale][namespace]?.[key] ?? '';
        expect(argumentsOf(translated), `${namespace}.${key}`).toEqual(argumentsOf(message));
        expect(tagsOf(translated), `${namespace}.${key}`).toEqual(tagsOf(message));
      }
    }
  });

  it.each<Language>([...LOCALES, PSEUDO_LOCALE])('every message of %s formats', (locale) => {
    const messages = messagesFor(locale);
    for (const [namespace, words] of Object.entries(english)) {
      const t = createTranslator({ locale, messages, namespace: namespace as keyof typeof messages, onError: (error) => { throw error; } });
      for (const [key, message] of Object.entries(words)) {
        expect(() => t.rich(key as never, sampleValues(message) as never), `${locale} ${namespace}.${key}`).not.toThrow();
      }
    }
  });

  it('names each language in itself, for the switch', () => {
    expect(LOCALES.map((locale) => translatorFor(locale, 'Layout')('languageName'))).toEqual(['English', 'Deutsch', 'Français']);
  });

  it('falls back to English for a key a translation lacks, rather than showing the key', () => {
    for (const locale of LOCALES) expect(keysOf(MESSAGES[locale] as unknown as Catalogue)).toEqual(keysOf(english));
  });
});

describe('a request\'s language', () => {
  const offered = [...LOCALES];

  it('takes the first language the shop speaks from Accept-Language, by quality', () => {
    expect(negotiateLocale('fr-FR, en;q=0.5, de;q=0.7')).toBe('fr');
    expect(negotiateLocale('es, de;q=0.5')).toBe('de');
    expect(negotiateLocale('es, it')).toBe('en');
    expect(negotiateLocale('xx')).toBe('en');
    expect(negotiateLocale('xx', [...offered, PSEUDO_LOCALE])).toBe('xx');
  });

  it('prefers ?lang=, then the session, then the cookie, then Accept-Language; ignores what is not offered', () => {
    const signals = { param: 'fr', session: 'de', cookie: 'en', acceptLanguage: 'de' };
    expect(chooseLanguage(signals, offered)).toBe('fr');
    expect(chooseLanguage({ ...signals, param: null }, offered)).toBe('de');
    expect(chooseLanguage({ ...signals, param: 'es', session: undefined }, offered)).toBe('en');
    expect(chooseLanguage({ param: 'xx', cookie: 'xx', acceptLanguage: 'fr;q=0.5, xx' }, offered)).toBe('fr');
    expect(chooseLanguage({ param: 'xx', acceptLanguage: null }, [...offered, PSEUDO_LOCALE])).toBe('xx');
  });

  it('reads the language cookie from a raw Cookie header', () => {
    expect(languageCookieIn('a=1; shop_lang=fr; b=2')).toBe('fr');
    expect(languageCookieIn('not_shop_lang=fr')).toBeNull();
    expect(languageCookieIn(undefined)).toBeNull();
  });

  it('maps a payload language to a language the shop speaks, never to the pseudo-locale', () => {
    expect(localeFor('FR')).toBe('fr');
    expect(localeFor('es')).toBe('en');
    expect(localeFor('xx')).toBe('en');
  });
});

describe('the pseudo-locale', () => {
  it('marks and accents words, and leaves arguments, branch keys and tags as they are', () => {
    expect(pseudoMessage('Order #{number}')).toBe('⟦Óŕđéŕ #{number}⟧');
    expect(pseudoMessage('{count, plural, one {# download left} other {# downloads left}}'))
      .toBe('⟦{count, plural, one {# đóŵñĺóáđ ĺéƒŧ} other {# đóŵñĺóáđš ĺéƒŧ}}⟧');
    expect(pseudoMessage('Included in the <pass>{name}</pass>.')).toBe('⟦Íñçĺúđéđ íñ ŧĥé <pass>{name}</pass>.⟧');
  });

  it('covers every English message: no plain letter outside arguments and tags', () => {
    for (const [namespace, words] of Object.entries(messagesFor(PSEUDO_LOCALE))) {
      for (const [key, message] of Object.entries(words)) {
        expect(message.startsWith(PSEUDO_OPEN) && message.endsWith(PSEUDO_CLOSE), `${namespace}.${key}`).toBe(true);
        const words = message.replace(/\{\s*\w+\s*(,\s*\w+\s*,?)?|<\/?\w+>|[\w=]+\s*\{/g, ''); // arguments, tags, branch keys
        expect(words, `${namespace}.${key}`).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('lets a page test strip what came from the catalogue', () => {
    expect(withoutPseudoText('⟦Óŕđéŕ #12⟧ — €4.00').trim()).toBe('— €4.00');
    expect(withoutPseudoText('⟦Á ⟦ñéšŧéđ⟧ óñé⟧ Castle')).toBe('  Castle');
  });
});
