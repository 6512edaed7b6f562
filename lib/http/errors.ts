// The one place typed errors become HTTP statuses and words for people, in their language.
// The words live in messages/<locale>.json (`Errors.<CODE>`, `FieldErrors`, `Fields`, `ErrorPage`);
// details stay in the server log, a client learns only the short reason.
import { RequestRefused, ShopError, type ErrorCode, type FieldReasons, type MessageParams } from '../errors';
import type { FieldErrors, FieldReasonKey } from '../forms';
import { translatorFor } from '../i18n/messages';
import { chooseLanguage, DEFAULT_LOCALE, LANGUAGE_PARAM, languageCookieIn, LOCALES, type Locale } from '../i18n/locales';
import { isCrossOrigin as crossOrigin } from './request-guard';
import { isDatabaseUnavailable, unavailableHeaders } from '../db/unavailable';
import { escapeHtml, shopPage } from './shop-page';
import type en from '../../messages/en.json';

/** `detail`: the error's own `publicDetail` (e.g. which payload field is wrong) may follow its words. */
interface PublicReply { status: number; detail?: true }

/** Every ErrorCode, and only those: `satisfies` makes the compiler prove the map exhaustive. */
const PUBLIC = {
  TOKEN_MALFORMED: { status: 400 }, TOKEN_SIGNATURE_INVALID: { status: 403 }, TOKEN_EXPIRED: { status: 410 },
  WRONG_PRODUCT: { status: 403 }, LICENSE_NOT_FOUND: { status: 403 }, LICENSE_REVOKED: { status: 403 },
  LICENSE_EXPIRED: { status: 403 }, DOWNLOAD_LIMIT_REACHED: { status: 403 }, FILE_UNAVAILABLE: { status: 404 },
  RANGE_NOT_SATISFIABLE: { status: 416 }, FILE_SOURCE_MISCONFIGURED: { status: 503 }, VERSION_UNAVAILABLE: { status: 404 },
  // Product versions (admin)
  VERSION_TAKEN: { status: 409 }, VERSION_NOT_FOUND: { status: 404 },
  // The License API: Lemon Squeezy answers 404 for what it cannot find, 4xx for the rest
  LICENSE_KEY_MALFORMED: { status: 400 }, LICENSE_KEY_UNKNOWN: { status: 404 }, LICENSE_KEY_DISABLED: { status: 403 },
  LICENSE_KEY_EXPIRED: { status: 403 }, ACTIVATION_LIMIT_REACHED: { status: 409 }, LICENSE_OTHER_PRODUCT: { status: 422 },
  INSTANCE_UNKNOWN: { status: 404 }, INSTANCE_DEACTIVATED: { status: 410 }, UPDATE_UNAVAILABLE: { status: 404 },
  LICENSE_REQUEST_INVALID: { status: 422, detail: true }, LICENSE_MEDIA_TYPE: { status: 415 }, METHOD_NOT_ALLOWED: { status: 405 },
  // Orders, signed order links and claims
  ORDER_ACCESS_DENIED: { status: 403 }, ORDER_NOT_FOUND: { status: 404 }, ADDRESS_LOCKED: { status: 409 },
  ALREADY_DISPATCHED: { status: 409 }, CONCURRENT_CHANGE: { status: 409 }, NOTHING_TO_DISPATCH: { status: 409 },
  SIGNATURE_MISSING: { status: 403 }, INVALID_SIGNATURE: { status: 403 }, LINK_EXPIRED: { status: 410 },
  CLAIM_LINK_INVALID: { status: 410 }, ORDER_CLAIM_THROTTLED: { status: 429 }, TRANSITION_NOT_ALLOWED: { status: 409 },
  // Find my orders, and fresh links for expired ones
  SIGN_IN_LINK_INVALID: { status: 410 }, FRESH_LINK_REFUSED: { status: 403 },
  // Payments, refunds and provider webhooks: a provider that does not answer is a retry, never a 500.
  ORDER_NOT_PAYABLE: { status: 409 }, PAYMENT_MISMATCH: { status: 422 }, REFUND_TOO_LARGE: { status: 422 },
  REFUND_EMPTY: { status: 422 }, REFUND_LINE_UNKNOWN: { status: 422 }, PAYMENT_PROVIDER_UNAVAILABLE: { status: 503 },
  PAYMENT_PROVIDER_REFUSED: { status: 409 }, WEBHOOK_SIGNATURE_INVALID: { status: 400 }, WEBHOOK_TOO_EARLY: { status: 409 },
  PAYMENT_PROVIDER_NOT_CONFIGURED: { status: 404 },
  // The request itself
  BAD_REQUEST: { status: 400 }, CROSS_ORIGIN: { status: 403 }, FORBIDDEN: { status: 403 }, NOT_FOUND: { status: 404 },
  BODY_TOO_LARGE: { status: 413 }, RATE_LIMITED: { status: 429 }, UPLOAD_REJECTED: { status: 400 }, UPLOAD_EMPTY: { status: 400 }, UPLOAD_MISSING: { status: 400 },
  INPUT_INVALID: { status: 422 }, CART_INVALID: { status: 400 }, CONFIG_INVALID: { status: 500 },
  // Checkout, coupons and merchant accounts
  EMPTY_CART: { status: 400 }, UNKNOWN_PRODUCTS: { status: 409 }, ORDER_TOO_LARGE: { status: 422 },
  COUNTRY_NOT_SOLD: { status: 422 }, PRODUCT_NOT_SOLD: { status: 422 }, DUPLICATE_ITEM: { status: 422 },
  CUSTOM_PRICE_MISSING: { status: 422 }, DRAFT_GONE: { status: 410 }, ACCOUNT_NOT_FOUND: { status: 404 },
  COUPON_UNKNOWN: { status: 422 }, COUPON_EXPIRED: { status: 422 }, COUPON_EXHAUSTED: { status: 422 }, COUPON_NOT_IN_CURRENCY: { status: 422 },
  // Secure payloads: honest about what is wrong, silent about the cryptography.
  UNKNOWN_ACCESS_KEY: { status: 403 }, INTEGRATION_DISABLED: { status: 403 }, PAYLOAD_TOO_LARGE: { status: 413 },
  PAYLOAD_MALFORMED: { status: 400 }, KEY_MISMATCH: { status: 403 }, DECRYPTION_FAILED: { status: 400 },
  ALGORITHM_REFUSED: { status: 400 }, WRONG_AUDIENCE: { status: 403 }, PAYLOAD_EXPIRED: { status: 410 },
  LIFETIME_TOO_LONG: { status: 400 }, TIMESTAMP_STALE: { status: 410 }, TIMESTAMP_IN_FUTURE: { status: 400 },
  REPLAYED: { status: 409 }, PLAIN_NOT_ALLOWED: { status: 403 }, PAYLOAD_INVALID: { status: 422, detail: true },
  // Signed content links
  CONTENT_LINK_MISSING: { status: 401 }, CONTENT_LINK_MALFORMED: { status: 400 }, CONTENT_LINK_SIGNATURE_INVALID: { status: 403 },
  CONTENT_LINK_WRONG_CONTENT: { status: 403 }, CONTENT_LINK_EXPIRED: { status: 410 }, CONTENT_LINK_REVOKED: { status: 410 }, CONTENT_NOT_FOUND: { status: 404 },
  // Admin
  ADMIN_LOGIN_FAILED: { status: 401 }, ADMIN_LOGIN_THROTTLED: { status: 429 }, SMTP_NOT_CONFIGURED: { status: 409 },
  INTEGRATION_NOT_FOUND: { status: 404 }, KEY_PURPOSE_UNKNOWN: { status: 404 }, KEY_UNSEALABLE: { status: 500 },
  DOWNLOAD_PRODUCT_NOT_FOUND: { status: 404 }, DUPLICATE_COUPON_CODE: { status: 409 }, PASS_NOT_FOUND: { status: 404 },
  CONTENT_ITEM_NOT_FOUND: { status: 404 }, CONTENT_TAKEN: { status: 409 }, CONTENT_PRODUCT_KIND: { status: 422 }, PRODUCT_NOT_FOUND: { status: 404 },
  // Merchant certificates
  CERTIFICATE_MISSING: { status: 422 }, CERTIFICATE_TOO_LARGE: { status: 413 }, CERTIFICATE_PRIVATE_KEY: { status: 422 },
  CERTIFICATE_NOT_PEM: { status: 422 }, CERTIFICATE_SEVERAL: { status: 422 }, CERTIFICATE_WRONG_BLOCK: { status: 422 },
  CERTIFICATE_UNREADABLE: { status: 422 }, CERTIFICATE_KEY_TOO_SMALL: { status: 422 }, CERTIFICATE_KEY_TOO_LARGE: { status: 422 },
  CERTIFICATE_KEY_TYPE: { status: 422 },
} satisfies Record<ErrorCode, PublicReply>;

export const ERROR_CODES = Object.keys(PUBLIC) as ErrorCode[];

/** What a client may see as `error`: a refusal's code, or the two answers that are not refusals. */
export type PublicCode = ErrorCode | 'INTERNAL' | 'UNAVAILABLE';

export interface PublicError {
  status: number;
  code: PublicCode;
  message: string;
  /** Input refusals: the words for each refused field. */
  fields?: FieldErrors;
  headers?: Record<string, string>;
}

// Numbers are passed as text: a limit or a key size reads as typed ("8192", not "8,192").
const asText = (params: MessageParams = {}) => Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));

function fieldWords(fields: FieldReasons, locale: string): FieldErrors {
  const reasons = translatorFor(locale, 'FieldErrors');
  const labels = translatorFor(locale, 'Fields');
  return Object.fromEntries(Object.entries(fields).map(([field, { reason, params }]) => {
    const key = (reasons.has(reason as FieldReasonKey) ? reason : 'invalid') as FieldReasonKey;
    const label = labels.has(field as keyof typeof en.Fields) ? labels(field as keyof typeof en.Fields) : field;
    return [field, reasons(key, { field: label, ...asText(params) })];
  }));
}

function refusalWords(error: ShopError, reply: PublicReply, locale: string): Pick<PublicError, 'message' | 'fields'> {
  const words = translatorFor(locale, 'Errors')(error.code, asText(error.params));
  const message = reply.detail && error.publicDetail ? `${words} (${error.publicDetail})` : words;
  return error.fields ? { message, fields: fieldWords(error.fields, locale) } : { message };
}

/**
 * Any error, in a language: a refusal's status and words (logged as a warning), a database
 * outage's 503, anything else a logged bare 500 that names nothing.
 */
export function publicError(error: unknown, context: string, locale: string = DEFAULT_LOCALE): PublicError {
  const errors = translatorFor(locale, 'Errors');
  if (error instanceof ShopError && Object.hasOwn(PUBLIC, error.code)) {
    const reply: PublicReply = PUBLIC[error.code];
    (reply.status >= 500 ? console.error : console.warn)(`[${context}] refused: ${error.code}: ${error.message}`);
    const retry = error instanceof RequestRefused && error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
    const headers = retry || error.replyHeaders ? { ...retry, ...error.replyHeaders } : undefined;
    return { code: error.code, status: reply.status, ...refusalWords(error, reply, locale), headers };
  }
  if (isDatabaseUnavailable(error)) {
    console.warn(`[${context}] database unavailable: ${error instanceof Error ? error.message.split('\n').at(-1) : error}`);
    return { status: 503, code: 'UNAVAILABLE', message: errors('UNAVAILABLE'), headers: unavailableHeaders('application/json') };
  }
  console.error(`[${context}] failed:`, error);
  return { status: 500, code: 'INTERNAL', message: errors('INTERNAL') };
}

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

/** The JSON shape of every refusal the API routes give: `{ error: CODE, message }`. */
export function jsonError(error: unknown, context: string, locale: string = DEFAULT_LOCALE): Response {
  const { status, code, message, headers } = publicError(error, context, locale);
  return Response.json({ error: code, message }, { status, headers: { ...headers, ...PRIVATE_HEADERS } });
}

/** Where each error page sends its reader next, besides the header's links. */
const WAY_FORWARD = {
  download: { href: '/', words: 'toCatalogue' },
  order: { href: '/', words: 'toCatalogue' },
  signIn: { href: '/', words: 'toCatalogue' },
  findOrders: { href: '/my-orders', words: 'toFindOrders' },
  checkout: { href: '/cart', words: 'toCart' },
  unavailable: { href: '', words: 'tryAgain' },
} as const satisfies Record<string, { href: string; words: keyof typeof en.ErrorPage }>;

/** The heading of an error page, one of `ErrorPage.<heading>` in the catalogue. */
export type ErrorPageHeading = keyof typeof WAY_FORWARD;

export interface ErrorPageOptions {
  /** The request's CSP nonce (a route handler's `x-nonce` header), for the page's inline style. */
  nonce?: string | null;
  /** Markup (already escaped) shown under the message: e.g. the "email me a fresh link" form of an expired link. */
  offer?: string;
}

/** A page in the shop's layout and the reader's language, for a person who followed a link or posted a form that could not be served. */
export function errorPage(
  error: unknown, context: string, heading: ErrorPageHeading = 'download', locale: string = DEFAULT_LOCALE, options: ErrorPageOptions = {},
): { status: number; headers: Record<string, string>; html: string } {
  const { status, message, headers: extra } = publicError(error, context, locale);
  const headers: Record<string, string> = { ...PRIVATE_HEADERS, ...extra, 'Content-Type': 'text/html; charset=utf-8' };
  if (status === 503) Object.assign(headers, unavailableHeaders(headers['Content-Type']));
  const t = translatorFor(locale, 'ErrorPage');
  const next = WAY_FORWARD[heading];
  const html = shopPage({
    locale, heading: t(heading), nonce: options.nonce,
    body: `<p>${escapeHtml(message)}</p>${options.offer ?? ''}<p><a href="${next.href}">${escapeHtml(t(next.words))}</a></p>`,
  });
  return { status, headers, html };
}

/** While the database is down: the page a person gets instead of any page (503, try again). */
export function unavailablePage(locale: string = DEFAULT_LOCALE): Response {
  const t = translatorFor(locale, 'ErrorPage');
  const html = shopPage({
    locale, heading: t('unavailable'),
    body: `<p>${escapeHtml(translatorFor(locale, 'Errors')('UNAVAILABLE'))}</p><p><a href="">${escapeHtml(t('tryAgain'))}</a></p>`,
  });
  return new Response(html, { status: 503, headers: unavailableHeaders('text/html; charset=utf-8') });
}

export { PRIVATE_HEADERS };

/** The shop's own origins: the request's and PUBLIC_URL's (they differ behind a proxy). */
export function ownOrigins(request: Request, publicUrl: string): string[] {
  return [new URL(request.url).origin, new URL(publicUrl).origin];
}

/** A state change sent from another site or another origin of the same site; see lib/http/request-guard.ts. */
export function isCrossOrigin(request: Request, publicUrl: string): boolean {
  return crossOrigin(request.headers, ownOrigins(request, publicUrl));
}

/**
 * A request's language without its session (the proxy, API routes): `?lang=`, the language
 * cookie, then Accept-Language (the shop's own pages send their language in it).
 */
export function requestLanguage<L extends string = Locale>(request: Request, offered: readonly L[] = LOCALES as readonly string[] as readonly L[]): L {
  return chooseLanguage({
    param: new URL(request.url).searchParams.get(LANGUAGE_PARAM),
    cookie: languageCookieIn(request.headers.get('cookie')),
    acceptLanguage: request.headers.get('accept-language'),
  }, offered);
}

/** A program posting JSON, or asking for it, gets JSON refusals; a person's browser gets a page. */
export const wantsJson = (request: Request) =>
  (request.headers.get('content-type') ?? '').includes('application/json') || (request.headers.get('accept') ?? '').startsWith('application/json');

/** The header the proxy passes a request's CSP nonce on in (route handlers read it for their pages). */
export const NONCE_HEADER = 'x-nonce';

/** A refusal as JSON for programs that ask for it (or post it), as a page in the shop's layout for people. */
export function refusalResponse(error: unknown, context: string, request: Request, heading: ErrorPageHeading, locale: string): Response {
  if (wantsJson(request)) return jsonError(error, context, locale);
  const { status, headers, html } = errorPage(error, context, heading, locale, { nonce: request.headers.get(NONCE_HEADER) });
  return new Response(html, { status, headers });
}

/** 303 See Other: after a POST, the browser GETs `location`. */
export const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, ...PRIVATE_HEADERS } });
