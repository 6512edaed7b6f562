// The one place typed errors become HTTP statuses and short messages for people.
// Details stay in the server log; a client learns only the short reason.
import { DownloadError, RangeNotSatisfiable } from '../downloads/errors';
import { OrderError } from '../orders/errors';
import { ContentLinkError } from '../content-links/errors';
import { SecurePayloadError } from '../secure-payload/errors';
import { CheckoutError } from '../checkout/errors';
import { CouponError } from '../coupons/errors';
import { AccountNotFound } from '../accounts/accounts';
import { config } from '../config';

const EXPIRED_HELP = 'This download link has expired. Open your order page (the link in your confirmation email) and click Download again.';

const PUBLIC: Record<string, { status: number; message: string }> = {
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
  ORDER_ACCESS_DENIED: { status: 403, message: 'Open the order page from your confirmation email, in the browser you ordered with.' },
  ORDER_NOT_FOUND: { status: 404, message: 'No such order.' },
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
};

/** Refusals whose own message is already short and honest (it names a product, coupon or country, nothing secret). */
const OWN_MESSAGE_STATUS: Record<string, number> = {
  COUNTRY_NOT_SOLD: 422, PRODUCT_NOT_SOLD: 422, DUPLICATE_ITEM: 422, CUSTOM_PRICE_MISSING: 422, DRAFT_GONE: 410,
  COUPON_UNKNOWN: 422, COUPON_EXPIRED: 422, COUPON_EXHAUSTED: 422, COUPON_NOT_IN_CURRENCY: 422,
  ACCOUNT_NOT_FOUND: 404, EMPTY_CART: 422, UNKNOWN_PRODUCTS: 422, ORDER_TOO_LARGE: 422,
};

const isOwnMessageError = (error: unknown): error is Error & { code: string } =>
  (error instanceof CheckoutError || error instanceof CouponError || error instanceof AccountNotFound || error instanceof OrderError)
  && Object.hasOwn(OWN_MESSAGE_STATUS, error.code);

export interface PublicError { status: number; code: string; message: string }

/** Known errors map to their status; anything else is logged and becomes a bare 500. */
export function publicError(error: unknown, context: string): PublicError {
  if ((error instanceof DownloadError || error instanceof OrderError || error instanceof ContentLinkError) && PUBLIC[error.code]) {
    console.warn(`[${context}] refused: ${error.code}: ${error.message}`);
    return { code: error.code, ...PUBLIC[error.code] };
  }
  if (isOwnMessageError(error)) {
    console.warn(`[${context}] refused: ${error.code}: ${error.message}`);
    return { code: error.code, status: OWN_MESSAGE_STATUS[error.code], message: error.message };
  }
  if (error instanceof SecurePayloadError) {
    console.warn(`[${context}] refused: ${error.code}: ${error.message}`);
    const { status, message } = PUBLIC[error.code];
    return { code: error.code, status, message: error.publicDetail ? `${message} (${error.publicDetail})` : message };
  }
  console.error(`[${context}] failed:`, error);
  return { status: 500, code: 'INTERNAL', message: 'Something went wrong. Please try again.' };
}

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };

/** The JSON shape of every refusal the API routes give: `{ error: CODE, message }`. */
export function jsonRefusal(status: number, code: string, message: string): Response {
  return Response.json({ error: code, message }, { status, headers: PRIVATE_HEADERS });
}

export function jsonError(error: unknown, context: string): Response {
  const { status, code, message } = publicError(error, context);
  return jsonRefusal(status, code, message);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page for a person who followed a link or posted a form that could not be served. */
export function errorPage(error: unknown, context: string, heading = 'Download not available'): { status: number; headers: Record<string, string>; html: string } {
  const { status, message } = publicError(error, context);
  const headers: Record<string, string> = { ...PRIVATE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' };
  if (error instanceof RangeNotSatisfiable) headers['Content-Range'] = `bytes */${error.size}`;
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(heading)}</title>`
    + `<body style="font-family:system-ui;margin:3rem auto;max-width:36rem"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p>`
    + `<p><a href="/">Pop-up Card Shop</a></p></body></html>`;
  return { status, headers, html };
}

export { PRIVATE_HEADERS };

/**
 * A state change sent from another site. Browsers say so in Sec-Fetch-Site; older
 * ones only in Origin, which is "null" (uninformative) on no-referrer pages.
 */
export function isCrossOrigin(request: Request, publicUrl = config().publicUrl): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return false;
  return origin !== new URL(request.url).origin && origin !== new URL(publicUrl).origin;
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
