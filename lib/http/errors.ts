// The one place typed errors become HTTP statuses and short messages for people.
// Details stay in the server log; a client learns only the short reason.
import { RequestRefused, ShopError, type ErrorCode } from '../errors';
import { isCrossOrigin as crossOrigin } from './request-guard';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE, unavailableHeaders } from '../db/unavailable';

const EXPIRED_HELP = 'This download link has expired. Open your order page (the link in your confirmation email) and click Download again.';
const ORDER_LINK_HELP = 'Open the order page from your confirmation email, in the browser you ordered with.';
const TRY_AGAIN = 'Something went wrong. Please try again.';

/** `message` absent: the error's own message is short, honest and names nothing secret (a product, a coupon, a country). */
interface PublicReply { status: number; message?: string }

/** Every ErrorCode, and only those: `satisfies` makes the compiler prove the map exhaustive. */
const PUBLIC = {
  TOKEN_MALFORMED: { status: 400, message: 'This download link is not valid.' },
  TOKEN_SIGNATURE_INVALID: { status: 403, message: 'This download link is not valid.' },
  TOKEN_EXPIRED: { status: 410, message: EXPIRED_HELP },
  WRONG_PRODUCT: { status: 403, message: 'This download link is for another product.' },
  LICENSE_NOT_FOUND: { status: 403, message: 'No license was found for this download.' },
  LICENSE_REVOKED: { status: 403, message: 'This license has been revoked.' },
  LICENSE_EXPIRED: { status: 403, message: 'This license has expired.' },
  DOWNLOAD_LIMIT_REACHED: { status: 403, message: 'The download limit for this license has been reached.' },
  FILE_UNAVAILABLE: { status: 404, message: 'This file is not available right now.' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'The requested range is outside the file.' },
  ORDER_ACCESS_DENIED: { status: 403, message: ORDER_LINK_HELP },
  ORDER_NOT_FOUND: { status: 404, message: 'No such order.' },
  ADDRESS_LOCKED: { status: 409, message: 'The order has been dispatched; its address can no longer be changed.' },
  EMPTY_CART: { status: 400, message: 'Your cart is empty.' },
  UNKNOWN_PRODUCTS: { status: 409, message: 'Some items in your cart are no longer sold; please review your cart.' },
  ALREADY_DISPATCHED: { status: 409, message: 'The order was already dispatched.' },
  CONCURRENT_CHANGE: { status: 409, message: 'The address was changed at the same moment elsewhere; please check it and try again.' },
  SIGNATURE_MISSING: { status: 403, message: ORDER_LINK_HELP },
  INVALID_SIGNATURE: { status: 403, message: ORDER_LINK_HELP },
  LINK_EXPIRED: { status: 410, message: 'This link has expired.' },
  CART_INVALID: { status: 400, message: 'Please check your cart.' },
  BAD_REQUEST: { status: 400, message: 'The request is not valid.' },
  CROSS_ORIGIN: { status: 403, message: 'Cross-site requests are not allowed.' },
  FORBIDDEN: { status: 403, message: 'Log in as admin first.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Please wait a moment and try again.' },
  UPLOAD_REJECTED: { status: 400, message: 'The upload was refused.' },
  CONFIG_INVALID: { status: 500, message: TRY_AGAIN },
  CLAIM_LINK_INVALID: { status: 410, message: 'This link has expired or was already used. Ask for a new one on the order page.' },
  ORDER_TOO_LARGE: { status: 422 },
  NOTHING_TO_DISPATCH: { status: 409 },
  // Checkout, coupons and merchant accounts
  COUNTRY_NOT_SOLD: { status: 422 }, PRODUCT_NOT_SOLD: { status: 422 }, DUPLICATE_ITEM: { status: 422 },
  CUSTOM_PRICE_MISSING: { status: 422 }, DRAFT_GONE: { status: 410 }, ACCOUNT_NOT_FOUND: { status: 404 },
  COUPON_UNKNOWN: { status: 422 }, COUPON_EXPIRED: { status: 422 }, COUPON_EXHAUSTED: { status: 422 }, COUPON_NOT_IN_CURRENCY: { status: 422 },
  // Secure payloads: honest about what is wrong, silent about the cryptography.
  UNKNOWN_ACCESS_KEY: { status: 403, message: 'Unknown access key.' },
  INTEGRATION_DISABLED: { status: 403, message: 'This integration is disabled.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The secure payload is too large.' },
  PAYLOAD_MALFORMED: { status: 400, message: 'The secure payload is malformed.' },
  KEY_MISMATCH: { status: 403, message: 'The secure payload was not made with the key registered for this integration.' },
  DECRYPTION_FAILED: { status: 400, message: 'The secure payload could not be decrypted with the store\'s keys.' },
  ALGORITHM_REFUSED: { status: 400, message: 'The secure payload uses an algorithm that is not accepted.' },
  WRONG_AUDIENCE: { status: 403, message: 'The secure payload was made for another store.' },
  PAYLOAD_EXPIRED: { status: 410, message: 'The secure payload has expired. Go back and try again.' },
  LIFETIME_TOO_LONG: { status: 400, message: 'The secure payload is valid for longer than 10 minutes.' },
  TIMESTAMP_STALE: { status: 410, message: 'The secure payload is too old. Go back and try again.' },
  TIMESTAMP_IN_FUTURE: { status: 400, message: 'The secure payload is dated in the future.' },
  REPLAYED: { status: 409, message: 'This secure payload has already been used. Go back and try again.' },
  PLAIN_NOT_ALLOWED: { status: 403, message: 'This integration is live: it accepts only encrypted payloads.' },
  PAYLOAD_INVALID: { status: 422, message: 'The secure payload is not valid.' },
  // Signed content links
  CONTENT_LINK_MISSING: { status: 401, message: 'This content needs a signed link.' },
  CONTENT_LINK_MALFORMED: { status: 400, message: 'This link is not valid.' },
  CONTENT_LINK_SIGNATURE_INVALID: { status: 403, message: 'This link is not valid.' },
  CONTENT_LINK_WRONG_CONTENT: { status: 403, message: 'This link is for other content.' },
  CONTENT_LINK_EXPIRED: { status: 410, message: 'This link has expired.' },
  CONTENT_NOT_FOUND: { status: 404, message: 'No such article.' },
} satisfies Record<ErrorCode, PublicReply>;

export interface PublicError { status: number; code: ErrorCode | 'INTERNAL' | 'UNAVAILABLE'; message: string; headers?: Record<string, string> }

/** Known errors map to their status; anything else is logged and becomes a bare 500. */
export function publicError(error: unknown, context: string): PublicError {
  if (error instanceof ShopError && Object.hasOwn(PUBLIC, error.code)) {
    console.warn(`[${context}] refused: ${error.code}: ${error.message}`);
    const reply: PublicReply = PUBLIC[error.code];
    // Request refusals carry their own wording (e.g. which limit); capabilities' details stay in the log.
    let message = error instanceof RequestRefused ? error.message : reply.message ?? error.message;
    if (error.publicDetail) message = `${message} (${error.publicDetail})`;
    const retry = error instanceof RequestRefused && error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
    const headers = retry || error.replyHeaders ? { ...retry, ...error.replyHeaders } : undefined;
    return { code: error.code, status: reply.status, message, headers };
  }
  if (isDatabaseUnavailable(error)) {
    console.warn(`[${context}] database unavailable: ${error instanceof Error ? error.message.split('\n').at(-1) : error}`);
    return { status: 503, code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE, headers: unavailableHeaders('application/json') };
  }
  console.error(`[${context}] failed:`, error);
  return { status: 500, code: 'INTERNAL', message: TRY_AGAIN };
}

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

/** The JSON shape of every refusal the API routes give: `{ error: CODE, message }`. */
export function jsonRefusal(status: number, code: string, message: string): Response {
  const headers = status === 503 ? { ...PRIVATE_HEADERS, ...unavailableHeaders('application/json') } : PRIVATE_HEADERS;
  return Response.json({ error: code, message }, { status, headers });
}

export function jsonError(error: unknown, context: string): Response {
  const { status, code, message, headers } = publicError(error, context);
  return Response.json({ error: code, message }, { status, headers: { ...headers, ...PRIVATE_HEADERS } });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page for a person who followed a link or posted a form that could not be served. */
export function errorPage(error: unknown, context: string, heading = 'Download not available'): { status: number; headers: Record<string, string>; html: string } {
  const { status, message, headers: extra } = publicError(error, context);
  const headers: Record<string, string> = { ...PRIVATE_HEADERS, ...extra, 'Content-Type': 'text/html; charset=utf-8' };
  if (status === 503) Object.assign(headers, unavailableHeaders(headers['Content-Type']));
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(heading)}</title>`
    + `<body style="font-family:system-ui;margin:3rem auto;max-width:36rem"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p>`
    + `<p><a href="/">Pop-up Card Shop</a></p></body></html>`;
  return { status, headers, html };
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

/** A program posting JSON, or asking for it, gets JSON refusals; a person's browser gets a page. */
export const wantsJson = (request: Request) =>
  (request.headers.get('content-type') ?? '').includes('application/json') || (request.headers.get('accept') ?? '').startsWith('application/json');

/** A refusal as JSON for programs, as a short page for people. */
export function refusalResponse(error: unknown, context: string, asJson: boolean, heading: string): Response {
  if (asJson) return jsonError(error, context);
  const { status, headers, html } = errorPage(error, context, heading);
  return new Response(html, { status, headers });
}

/** 303 See Other: after a POST, the browser GETs `location`. */
export const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, ...PRIVATE_HEADERS } });
