// Runs before every page, server action and API route (Next 16's "proxy", formerly
// middleware): refuses foreign or oversized state changes before any body is read,
// and gives each response a fresh CSP nonce plus the security headers.
import { NextResponse, type NextRequest } from 'next/server';
import { adminCookieName, adminCookieOptions, renewAdminCookie } from '@/lib/admin/session';
import { config as appConfig } from '@/lib/config';
import { jsonError, ownOrigins } from '@/lib/http/errors';
import { guardStateChange } from '@/lib/http/request-guard';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';

export async function proxy(request: NextRequest) {
  const { publicUrl, appKeys } = appConfig();
  const refusal = guardStateChange(request, ownOrigins(request, publicUrl));
  if (refusal) return jsonError(refusal, `${request.method} ${request.nextUrl.pathname}`);

  const nonce = newNonce();
  const headers = securityHeaders(nonce, publicUrl.startsWith('https:'));
  // Next takes the nonce for its own inline scripts from the request's CSP header.
  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']);
  forwarded.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  await renewAdminIdleTimeout(request, response, appKeys, publicUrl.startsWith('https:'));
  return response;
}

/** Each admin page view restarts the idle timeout (actions cannot set cookies from a page render). */
async function renewAdminIdleTimeout(request: NextRequest, response: NextResponse, appKeys: string[], secure: boolean) {
  if (request.method !== 'GET' || !request.nextUrl.pathname.startsWith('/admin')) return;
  const name = adminCookieName(secure);
  const renewed = await renewAdminCookie(appKeys, request.cookies.get(name)?.value, Math.floor(Date.now() / 1000));
  if (renewed) response.cookies.set(name, renewed, adminCookieOptions(secure));
}

export const config = {
  // Uploads stream straight to disk with their own limit (MAX_UPLOAD_BYTES): running the proxy
  // would make Next buffer their bodies. Static assets need no nonce.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|images/|api/admin/products/[^/]+/file).*)'],
};
