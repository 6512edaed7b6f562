// The one place typed errors become HTTP statuses and short messages for people.
// Details stay in the server log; a client learns only the short reason.
import { DownloadError, RangeNotSatisfiable } from '../downloads/errors';
import { OrderError } from '../orders/errors';
import { config } from '../config';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE, unavailableHeaders } from '../db/unavailable';

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
};

export interface PublicError { status: number; code: string; message: string }

/** Known errors map to their status; anything else is logged and becomes a bare 500. */
export function publicError(error: unknown, context: string): PublicError {
  if ((error instanceof DownloadError || error instanceof OrderError) && PUBLIC[error.code]) {
    console.warn(`[${context}] refused: ${error.code}: ${error.message}`);
    return { code: error.code, ...PUBLIC[error.code] };
  }
  if (isDatabaseUnavailable(error)) {
    console.warn(`[${context}] database unavailable: ${error instanceof Error ? error.message.split('\n').at(-1) : error}`);
    return { status: 503, code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE };
  }
  console.error(`[${context}] failed:`, error);
  return { status: 500, code: 'INTERNAL', message: 'Something went wrong. Please try again.' };
}

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };

/** The JSON shape of every refusal the API routes give: `{ error: CODE, message }`. */
export function jsonRefusal(status: number, code: string, message: string): Response {
  const headers = status === 503 ? { ...PRIVATE_HEADERS, ...unavailableHeaders('application/json') } : PRIVATE_HEADERS;
  return Response.json({ error: code, message }, { status, headers });
}

export function jsonError(error: unknown, context: string): Response {
  const { status, code, message } = publicError(error, context);
  return jsonRefusal(status, code, message);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page for a person who followed a download link. */
export function errorPage(error: unknown, context: string): { status: number; headers: Record<string, string>; html: string } {
  const { status, message } = publicError(error, context);
  const headers: Record<string, string> = { ...PRIVATE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' };
  if (error instanceof RangeNotSatisfiable) headers['Content-Range'] = `bytes */${error.size}`;
  if (status === 503) Object.assign(headers, unavailableHeaders(headers['Content-Type']));
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Download</title>`
    + `<body style="font-family:system-ui;margin:3rem auto;max-width:36rem"><h1>Download not available</h1><p>${escapeHtml(message)}</p>`
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
