// Checks every state-changing request passes before anything reads its body:
// it comes from the shop's own origin, and it is not larger than we accept.
import { RequestRefused } from '../errors';

/** Forms, server actions and JSON calls: far above any real form, far below harm. Uploads have MAX_UPLOAD_BYTES. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Payment providers' webhooks: their events are a few KiB, but one refused for its size would be retried until lost. */
export const WEBHOOK_BODY_LIMIT_BYTES = 512 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state change not sent by the shop's own pages. Browsers say so in Sec-Fetch-Site
 * ("same-site" is another port or subdomain: refused too); older ones only in Origin.
 * `Origin: null` (sandboxed frames, no-referrer pages) is refused: the shop's own
 * pages send Referrer-Policy same-origin, so their posts carry their real origin.
 * A request with neither header is not from a browser, so carries no victim's cookie.
 */
export function isCrossOrigin(headers: Headers, ownOrigins: readonly string[]): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.get('origin');
  if (origin === null) return false;
  return !ownOrigins.includes(origin);
}

/** Declared sizes are refused before reading; bodies without a length are capped as they are read. */
export function declaredTooLarge(headers: Headers, limit: number): boolean {
  const length = headers.get('content-length');
  return length !== null && (!/^\d{1,15}$/.test(length) || Number(length) > limit);
}

/** `ownOrigins: 'any'` for the merchant entry points, whose payload's encryption authenticates them. */
export function guardStateChange(request: Request, ownOrigins: readonly string[] | 'any', limit = BODY_LIMIT_BYTES): RequestRefused | null {
  if (SAFE_METHODS.has(request.method)) return null;
  if (ownOrigins !== 'any' && isCrossOrigin(request.headers, ownOrigins)) return new RequestRefused('CROSS_ORIGIN', 'Cross-site requests are not allowed.');
  if (declaredTooLarge(request.headers, limit)) return tooLargeFor(limit)();
  return null;
}

const tooLargeFor = (limit: number) => () =>
  new RequestRefused('BODY_TOO_LARGE', `the request is larger than ${limit} bytes`, undefined, { kib: Math.round(limit / 1024) });

/**
 * Reads a body, refusing once it passes `limit` bytes, whatever Content-Length said; the
 * refusal is `tooLarge()` (a 413 by default; a capability may throw its own typed error).
 */
export async function readBoundedBody(request: Request, limit: number, tooLarge: () => Error = tooLargeFor(limit)): Promise<Buffer> {
  if (declaredTooLarge(request.headers, limit)) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a body as text, refusing (413) once it passes `limit` bytes. */
export async function readBodyText(request: Request, limit = BODY_LIMIT_BYTES): Promise<string> {
  return (await readBoundedBody(request, limit)).toString('utf8');
}
