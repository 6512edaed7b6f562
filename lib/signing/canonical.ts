// The canonical string a signed URL's HMAC covers (docs/specs/signed-urls.md):
// the path, then the remaining query parameters sorted by name then value,
// RFC 3986-encoded. The origin is never part of it.
export const SIGNATURE_PARAM = 'signature';

const MARKETING_PARAMS = new Set(['fbclid', 'gclid', 'mc_cid', 'mc_eid']);

export function isMarketingParam(name: string): boolean {
  return name.startsWith('utm_') || MARKETING_PARAMS.has(name);
}

/** encodeURIComponent, plus the sub-delimiters it leaves alone: ! ' ( ) * */
export function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export type QueryPairs = readonly (readonly [string, string])[];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function canonicalString(path: string, query: QueryPairs): string {
  const signed = query
    .filter(([name]) => name !== SIGNATURE_PARAM && !isMarketingParam(name))
    .map(([name, value]) => [name, value] as const)
    .sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  if (signed.length === 0) return path;
  return `${path}?${signed.map(([n, v]) => `${rfc3986Encode(n)}=${rfc3986Encode(v)}`).join('&')}`;
}
