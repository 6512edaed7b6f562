import { notFound } from 'next/navigation';
import { db, shop } from '@/lib/server/shop';
import { JsonLd } from '@/app/_components/json-ld';
import { productsPricedIn } from '@/lib/catalog/products';
import { getShopSession } from '@/lib/server/session';
import { shopperCurrency } from '@/lib/session/session';
import { formatMoney } from '@/lib/money';
import { AddToCartForm } from './add-to-cart-form';

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const [product] = await productsPricedIn(db(), shopperCurrency(await getShopSession()), [(await params).slug]);
  if (!product) notFound();
  const { publicUrl } = shop().settings;
  return (
    <article className="product-detail">
      <JsonLd data={{
        '@context': 'https://schema.org', '@type': 'Product', name: product.name, description: product.summary,
        image: `${publicUrl}${product.imagePath}`, sku: product.slug,
        offers: {
          '@type': 'Offer', price: (product.priceCents / 100).toFixed(2), priceCurrency: product.currency,
          availability: 'https://schema.org/InStock', url: `${publicUrl}/products/${product.slug}`,
        },
      }} />
      <img src={product.imagePath} alt={product.name} width={400} height={300} />
      <div>
        <h1>{product.name}</h1>
        <p className="price">{formatMoney(product.priceCents, product.currency)}</p>
        <p>{product.summary}</p>
        <p>{product.description}</p>
        <AddToCartForm slug={product.slug} />
      </div>
    </article>
  );
}
