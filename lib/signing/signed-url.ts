// Signed URLs in the manner of Laravel's UrlGenerator: sign, then verify as
// "correct signature" and "not expired", each a small pure function.
import { canonicalString, rfc3986Encode, SIGNATURE_PARAM, type QueryPairs } from './canonical';
import { InvalidSignature, LinkExpired, SignatureMissing } from './errors';
import { ringVerifies, signWithRing } from './hmac';
import type { KeyRing } from './key-ring';

export const EXPIRES_PARAM = 'expires';

export interface SignOptions {
  /** Unix seconds after which the link stops verifying; omit for a permanent link. */
  expires?: number;
  query?: QueryPairs;
}

/** Returns `path?…&signature=…` (origin-free, so any host can serve it). */
export function signedPath(path: string, ring: KeyRing, options: SignOptions = {}): string {
  const query: [string, string][] = (options.query ?? []).map(([n, v]) => [n, v]);
  if (options.expires !== undefined) query.push([EXPIRES_PARAM, String(options.expires)]);
  const signature = signWithRing(ring, canonicalString(path, query));
  const all = [...query, [SIGNATURE_PARAM, signature]];
  return `${path}?${all.map(([n, v]) => `${rfc3986Encode(n)}=${rfc3986Encode(v)}`).join('&')}`;
}

export function hasCorrectSignature(path: string, query: QueryPairs, ring: KeyRing): boolean {
  const signatures = query.filter(([name]) => name === SIGNATURE_PARAM);
  if (signatures.length !== 1) return false;
  return ringVerifies(ring, canonicalString(path, query), signatures[0][1]);
}

/** `nowSeconds` is passed in so callers (and tests) own the clock. */
export function signatureHasNotExpired(query: QueryPairs, nowSeconds: number): boolean {
  const expires = query.find(([name]) => name === EXPIRES_PARAM)?.[1];
  if (expires === undefined) return true;
  return /^\d{1,12}$/.test(expires) && nowSeconds <= Number(expires);
}

/** Throws SignatureMissing, InvalidSignature or LinkExpired; returns quietly when the link is good. */
export function verifySignedPath(path: string, query: QueryPairs, ring: KeyRing, nowSeconds: number): void {
  if (!query.some(([name]) => name === SIGNATURE_PARAM)) throw new SignatureMissing();
  if (!hasCorrectSignature(path, query, ring)) throw new InvalidSignature();
  if (!signatureHasNotExpired(query, nowSeconds)) {
    throw new LinkExpired(Number(query.find(([name]) => name === EXPIRES_PARAM)?.[1]));
  }
}

export function queryPairs(search: string | URLSearchParams): [string, string][] {
  return [...new URLSearchParams(search).entries()];
}
