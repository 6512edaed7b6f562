// The languages the shop speaks. A language is its messages/<code>.json (every key of en.json,
// its own name in Layout.languageName) and its line below; the language switch, Accept-Language,
// hreflang, emails and the Intl formats follow this list.
import en from '../../messages/en.json' with { type: 'json' };
import de from '../../messages/de.json' with { type: 'json' };
import fr from '../../messages/fr.json' with { type: 'json' };

export type Messages = typeof en;
type Translation = { [N in keyof Messages]?: { [K in keyof Messages[N]]?: string } };

/** English first: the default, the complete one (tests/i18n/catalogues.test.ts holds the others to its keys). */
export const CATALOGUES = { en, de, fr } satisfies Record<string, Translation>;

export type Locale = keyof typeof CATALOGUES;
export const LOCALES = Object.keys(CATALOGUES) as readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * A test-only catalogue: English with every message marked and accented, so text that did not
 * come from the catalogue stands out on a page. Offered to requests only with PSEUDO_LOCALE=1.
 */
export const PSEUDO_LOCALE = 'xx';
/** A catalogue words can come from: a language the shop speaks, or the pseudo-locale. */
export type Catalogue = Locale | typeof PSEUDO_LOCALE;

/** `?lang=de` on a public page asks for that language for that request (what hreflang links point at). */
export const LANGUAGE_PARAM = 'lang';
/** The proxy passes a page's `?lang=` on in this request header (pages cannot read the query before rendering the layout). */
export const LANGUAGE_HEADER = 'x-shop-language';
/** The language switch's choice, kept for a year. */
export const LANGUAGE_COOKIE = 'shop_lang';

export const isLocale = (code: unknown): code is Locale => typeof code === 'string' && (LOCALES as readonly string[]).includes(code);

/** A supported locale for an ISO-639 code (any case), else the default: a language we do not speak falls back to English. */
export const localeFor = (code: string | null | undefined): Locale => {
  const lower = code?.toLowerCase();
  return isLocale(lower) ? lower : DEFAULT_LOCALE;
};

/** The catalogue for a page or email language: the pseudo-locale passes, anything unknown is English. */
export const catalogueFor = (code: string | null | undefined): Catalogue => (code === PSEUDO_LOCALE ? PSEUDO_LOCALE : localeFor(code));

/** The first language in an Accept-Language header that `offered` holds (the shop's by default), by quality. */
export function negotiateLocale<L extends string = Locale>(acceptLanguage: string | null, offered: readonly L[] = LOCALES as readonly string[] as readonly L[]): L {
  const ranked = (acceptLanguage ?? '').split(',').map((part) => {
    const [tag, ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    return { language: tag.split('-')[0].toLowerCase(), q: Number.isFinite(q) ? q : 0 };
  }).filter((entry) => entry.q > 0).sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find((language): language is L => (offered as readonly string[]).includes(language))
    ?? (DEFAULT_LOCALE as string as L);
}

/** What a request says about its language, most specific first. */
export interface LanguageSignals {
  /** `?lang=` on this URL. */
  param?: string | null;
  /** The session's choice: the switch, or a merchant payload's `language`. */
  session?: string | null;
  /** The switch's cookie. */
  cookie?: string | null;
  acceptLanguage: string | null;
}

/** The request's language among those `offered`: the first signal that names one, else Accept-Language, else English. */
export function chooseLanguage<L extends string>(signals: LanguageSignals, offered: readonly L[]): L {
  const asked = [signals.param, signals.session, signals.cookie].find((code) => (offered as readonly unknown[]).includes(code));
  return (asked as L | undefined) ?? negotiateLocale(signals.acceptLanguage, offered);
}

/** The language cookie's value in a raw Cookie header. */
export const languageCookieIn = (cookieHeader: string | null | undefined) =>
  new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([^;]*)`).exec(cookieHeader ?? '')?.[1] ?? null;
