// CORS for the access API: only the configured origins, matched exactly, get CORS headers.
// The API reads no cookies, so credentials are never allowed and the shop's own CSRF and
// cookie policy are untouched.
export const SIGNED_URL_HEADERS = ['X-Sesamy-Signed-Url', 'X-Signed-Url'] as const;
const MAX_AGE_SECONDS = 600;

/** `CONTENT_ALLOWED_ORIGINS`: comma-separated origins like `https://blog.example` (no path, no wildcard). */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    let origin: string;
    try {
      origin = new URL(entry).origin;
    } catch {
      throw new Error(`"${entry}" is not an origin`);
    }
    if (origin !== entry || !/^https?:/.test(entry) || entry.includes('*')) throw new Error(`"${entry}" must be an origin such as https://blog.example, without path or wildcard`);
    return origin;
  });
}

/** The CORS headers for this request's Origin, or none when it is not allowed. */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  const vary = { Vary: 'Origin' };
  if (!origin || !allowed.includes(origin)) return vary;
  return { ...vary, 'Access-Control-Allow-Origin': origin };
}

export function preflightHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  const headers = corsHeaders(origin, allowed);
  if (!headers['Access-Control-Allow-Origin']) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Methods': 'GET, OPTIONS',
    'Access-Control-Allow-Headers': SIGNED_URL_HEADERS.join(', '),
    'Access-Control-Max-Age': String(MAX_AGE_SECONDS),
  };
}

/** The presented link: the Sesamy header first, then the generic one. */
export const signedUrlFrom = (headers: Headers) => SIGNED_URL_HEADERS.map((name) => headers.get(name)).find((value) => value) ?? null;
