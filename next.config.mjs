// Order and admin pages carry personal data behind signed links and sessions:
// they must never be cached, indexed or leak their URL (and its signature)
// through the Referer header.
const privatePage = [
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Robots-Tag', value: 'noindex' },
  { key: 'Cache-Control', value: 'private, no-store' },
];

const everyPage = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // Pages sent with Referrer-Policy: no-referrer make browsers send `Origin: null`
    // with their form posts, which Next's Server Action origin check would refuse.
    // Cross-site posts still carry no session: the cookie is SameSite=Lax.
    serverActions: { allowedOrigins: ['null'] },
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

      // Article and pass pages carry signed content links in their URL.
      { source: '/articles/:path*', headers: privatePage },
      { source: '/passes/:path*', headers: privatePage },
    ];
  },
};

export default withNextIntl(nextConfig);
