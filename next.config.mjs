// Order and admin pages carry personal data behind signed links and sessions:
// they must never be cached, indexed or leak their URL (and its signature)
// through the Referer header to another origin. same-origin (not no-referrer):
// their own form posts then carry a real Origin, which the Server Action check
// and proxy.ts require.
const privatePage = [
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Robots-Tag', value: 'noindex' },
  { key: 'Cache-Control', value: 'private, no-store' },
];

// CSP (with a nonce), HSTS, nosniff and frame-ancestors are set per request in proxy.ts.
const everyPage = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/server/i18n-request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // No allowedOrigins: a post must come from the page's own origin (proxy.ts refuses
    // the rest with 403 first). Bodies with a length are capped there at 64 KiB too.
    serverActions: { bodySizeLimit: '64kb' },
  },
  async headers() {
    return [
      { source: '/:path*', headers: everyPage },
      { source: '/orders/:path*', headers: privatePage },
      { source: '/admin/:path*', headers: privatePage },
      { source: '/admin', headers: privatePage },
      { source: '/account/:path*', headers: privatePage },
      { source: '/account', headers: privatePage },
      { source: '/checkout/:path*', headers: privatePage },
      { source: '/checkout', headers: privatePage },

      // Pass pages, and article pages opened with a signed content link (`ss`) or a pass link,
      // carry the link in their URL; an article's plain URL is its public, indexable teaser.
      { source: '/articles/:path*', has: [{ type: 'query', key: 'ss' }], headers: privatePage },
      { source: '/articles/:path*', has: [{ type: 'query', key: 'pass' }], headers: privatePage },
      { source: '/passes/:path*', headers: privatePage },
    ];
  },
};

export default withNextIntl(nextConfig);
