import type { MetadataRoute } from 'next';
import { shop } from '@/lib/server/shop';

export const dynamic = 'force-dynamic';

/** The catalogue and the articles' teasers are for search engines; orders, signed links, downloads and admin are not. */
export default function robots(): MetadataRoute.Robots {
  const { publicUrl } = shop().settings;
  return {
    rules: {
      userAgent: '*',
      // A teaser in another language (`?lang=`, the hreflang alternates) is public; other queries carry links.
      allow: ['/', '/articles/*?lang='],
      disallow: ['/orders/', '/account', '/admin', '/checkout', '/cart', '/passes/', '/api/', '/articles/*?'],
    },
    sitemap: `${publicUrl}/sitemap.xml`,
  };
}
