// Signed content links are verified over the exact text of the request URL, which pages
// cannot read (they get decoded search params). The proxy hands it over in a request header;
// one sent by the client is overwritten.
import { NextResponse, type NextRequest } from 'next/server';
import { RAW_URL_HEADER } from './lib/content-links/raw-url';

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(RAW_URL_HEADER, request.url);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/articles/:path*', '/passes/:path*'] };
