// Runs before every page, server action and API route (Next 16's "proxy", formerly
// middleware): refuses foreign or oversized state changes before any body is read,
// and gives each response a fresh CSP nonce plus the security headers.
import { NextResponse, type NextRequest } from 'next/server';
import { RAW_URL_HEADER } from './lib/content-links/raw-url';
import { LANGUAGE_HEADER, LANGUAGE_PARAM } from './lib/i18n/locales';
import { adminCookieName, adminCookieOptions, renewAdminCookie } from '@/lib/admin/session';
import { ADMIN_LOGIN_PATH, adminLoginUrl } from '@/lib/admin/return-path';
import { RequestRefused } from '@/lib/errors';
import { clientAddressOf } from '@/lib/http/client-address';
import { orderLinkState } from '@/lib/order-access/tier';
import { rateLimits } from '@/lib/server/rate-limits';
import { jsonError, ownOrigins, requestLanguage } from '@/lib/http/errors';
import { guardStateChange, WEBHOOK_BODY_LIMIT_BYTES } from '@/lib/http/request-guard';
import { SECURE_REQUEST_MAX_BYTES } from '@/lib/secure-payload/request';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';
import { databaseGate } from '@/lib/server/database-gate';
import { offeredLanguages } from '@/lib/server/languages';
import { shop } from '@/lib/server/shop';

export async function proxy(request: NextRequest) {
  const { settings: { publicUrl, appKeys }, secure } = shop();
  const refusal = (MERCHANT_ENTRY_POINTS.has(request.nextUrl.pathname)
    ? guardStateChange(request, 'any', SECURE_REQUEST_MAX_BYTES)
    : guardStateChange(request, ownOrigins(request, publicUrl), PROVIDER_WEBHOOKS.has(request.nextUrl.pathname) ? WEBHOOK_BODY_LIMIT_BYTES : undefined))
    ?? await limitOrderLookups(request);
  if (refusal) return jsonError(refusal, `${request.method} ${request.nextUrl.pathname}`, requestLanguage(request, offeredLanguages()));
  // Pages cannot choose their status when a query fails; API routes answer 503 themselves.
  if (!request.nextUrl.pathname.startsWith('/api/')) {
    const unavailable = await databaseGate(requestLanguage(request, offeredLanguages()));
    if (unavailable) return unavailable;
  }

  const nonce = newNonce();
  const headers = securityHeaders(nonce, secure);
  // Each admin page view restarts the idle timeout (actions cannot set cookies from a page render);
  // without a live admin cookie an admin page answers 303 to the login, which comes back here after.
  const adminCookie = await adminCookieRenewal(request, appKeys, secure);
  if (adminCookie === null && request.nextUrl.pathname !== ADMIN_LOGIN_PATH) {
    const { pathname, search } = request.nextUrl;
    const login = NextResponse.redirect(new URL(adminLoginUrl(`${pathname}${search}`), request.url), 303);
    for (const [name, value] of Object.entries(headers)) login.headers.set(name, value);
    return login;
  }
  // Next takes the nonce for its own inline scripts from the request's CSP header.
  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']);
  forwarded.set('x-nonce', nonce);
  // Signed content links are verified over the exact request URL, which pages cannot read
  // (they get decoded search params); one sent by the client is overwritten.
  forwarded.set(RAW_URL_HEADER, request.url);
  // `?lang=` asks for a language for this request only (the pages' hreflang alternates); one sent as a header is dropped.
  const language = request.nextUrl.searchParams.get(LANGUAGE_PARAM);
  if (language) forwarded.set(LANGUAGE_HEADER, language);
  else forwarded.delete(LANGUAGE_HEADER);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (adminCookie) response.cookies.set(adminCookieName(secure), adminCookie, adminCookieOptions(secure));
  return response;
}

/**
 * A merchant's own site posts the shopper here (a top-level form POST from its origin); the
 * payload's encryption, not the origin, is what authenticates these requests.
 */
const MERCHANT_ENTRY_POINTS = new Set(['/checkout/secure', '/account/authenticate']);

/**
 * Payment providers post their events server to server (no Origin, no Sec-Fetch-Site, so the
 * origin check lets them through); the signature over the body authenticates them. Only their
 * size limit differs.
 */
const PROVIDER_WEBHOOKS = new Set(['/api/payments/stripe/webhook']);

const ORDER_PAGE = /^\/orders\/([^/]+)\/?$/;

/** Order pages without a valid signature are what an enumeration walks: those are counted per client. */
async function limitOrderLookups(request: NextRequest): Promise<RequestRefused | null> {
  const number = ORDER_PAGE.exec(request.nextUrl.pathname)?.[1];
  if (request.method !== 'GET' || number === undefined) return null;
  const { settings: { trustProxy }, rings } = shop();
  // `_rsc` is Next's own cache-busting parameter on client navigations, not part of the signed link.
  const query = [...request.nextUrl.searchParams].filter(([name]) => name !== '_rsc');
  const link = orderLinkState(number, query, rings.orders, Math.floor(Date.now() / 1000));
  if (link === 'valid') return null;
  try {
    await rateLimits().consume('order-lookup', clientAddressOf(request.headers, trustProxy));
    return null;
  } catch (error) {
    if (error instanceof RequestRefused) return error;
    throw error;
  }
}

/** An admin page's cookie, renewed (null when there is no live one); undefined for other requests. */
async function adminCookieRenewal(request: NextRequest, appKeys: string[], secure: boolean): Promise<string | null | undefined> {
  if (request.method !== 'GET' || !/^\/admin(\/|$)/.test(request.nextUrl.pathname)) return undefined;
  return renewAdminCookie(appKeys, request.cookies.get(adminCookieName(secure))?.value, Math.floor(Date.now() / 1000));
}

export const config = {
  // Uploads (a product's file, a new version's file) stream straight to disk with their own limit
  // (MAX_UPLOAD_BYTES) and check origin and admin themselves: running the proxy
  // would make Next buffer their bodies. Static assets need no nonce. The download endpoint
  // (GET/HEAD only, a file or a redirect) sets its own headers and is the shop's hot path.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|images/|api/admin/products/[^/]+/file|api/admin/products/[^/]+/versions|api/downloads/(?!token$)[^/]+$).*)'],
};
