import type { MetadataRoute } from 'next';
import { listProducts } from '@/lib/catalog/products';
import { listArticles } from '@/lib/content/articles';
import { articlePath } from '@/lib/content-links/link';
import { db, shop } from '@/lib/server/shop';

export const dynamic = 'force-dynamic';

/** What a search engine may index: the catalogue, the products and the articles' public teasers. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { publicUrl } = shop().settings;
  const [products, articles] = await Promise.all([listProducts(db()), listArticles(db())]);
  return [
    { url: `${publicUrl}/` },
    ...products.map((product) => ({ url: `${publicUrl}/products/${product.slug}` })),
    { url: `${publicUrl}/articles` },
    ...articles.map((article) => ({ url: `${publicUrl}${articlePath(article.slug)}` })),
  ];
}
