import type { MetadataRoute } from 'next';
import { listProducts } from '@/lib/catalog/products';
import { listArticles } from '@/lib/content/articles';
import { articlePath } from '@/lib/content-links/link';
import { db, shop } from '@/lib/server/shop';
import { LANGUAGE_PARAM, LOCALES } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

/** What a search engine may index: the catalogue, the products and the articles' public teasers. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { publicUrl } = shop().settings;
  const [products, articles] = await Promise.all([listProducts(db()), listArticles(db())]);
  // Each page with its language versions (hreflang), as its own <head> lists them.
  const page = (path: string) => ({
    url: `${publicUrl}${path}`,
    alternates: { languages: Object.fromEntries(LOCALES.map((code) => [code, `${publicUrl}${path}?${LANGUAGE_PARAM}=${code}`])) },
  });
  return [
    page('/'),
    ...products.map((product) => page(`/products/${product.slug}`)),
    page('/articles'),
    ...articles.map((article) => page(articlePath(article.slug))),
  ];
}
