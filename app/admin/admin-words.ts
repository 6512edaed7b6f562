// The admin's words, dates and amounts: in the request's language, the same one the shop's pages
// use (session, language cookie, else the browser's), from the `Admin` messages.
import 'server-only';
import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { formatDate, formatDateTime, moneyLocale } from '@/lib/i18n/intl';
import { formatMoney } from '@/lib/money';

export type AdminTranslator = ReturnType<typeof translatorFor<'Admin'>>;

export async function adminWords() {
  const locale = await getLocale();
  return {
    t: translatorFor(locale, 'Admin'),
    locale,
    date: (value: Date) => formatDate(value, locale),
    dateTime: (value: Date) => formatDateTime(value, locale),
    money: (cents: number, currency: string) => formatMoney(cents, currency, moneyLocale(locale)),
    /** A language's name in the admin's language ("German", "Deutsch"). */
    languageName: (code: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code,
  };
}

/** A page's title, "Orders · Admin", in the admin's language. */
export async function adminTitle(page: (t: AdminTranslator) => string): Promise<Metadata> {
  const { t } = await adminWords();
  return { title: t('title', { page: page(t) }) };
}

export type AdminKey = Parameters<AdminTranslator>[0];

/**
 * A client form's words, chosen on the server: the `Admin` messages never ship to the browser
 * as a catalogue (app/layout.tsx leaves them out), so a page carries only the words it shows.
 */
export function wordsFor<K extends AdminKey>(t: AdminTranslator, keys: readonly K[]): Record<K, string> {
  const plain = t as (key: AdminKey) => string;
  return Object.fromEntries(keys.map((key) => [key, plain(key)])) as Record<K, string>;
}
