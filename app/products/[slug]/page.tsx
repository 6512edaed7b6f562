import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { JsonLd } from '@/app/_components/json-ld';
import { productsPricedIn } from '@/lib/catalog/products';
import { getShopSession } from '@/lib/server/session';
import { shopperCurrency } from '@/lib/session/session';
import { formatMoney } from '@/lib/money';
import { moneyLocale } from '@/lib/i18n/messages';
import { languageAlternates } from '@/app/_components/alternates';
import { AddToCartForm } from './add-to-cart-form';
import { addToCartWords } from './words';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** One query for the title and the page (React's cache lasts one request). */
const productOf = cache(async (slug: string, locale: string) =>
  (await productsPricedIn(db(), shopperCurrency(await getShopSession()), [slug], locale))[0]);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const product = await productOf(slug, await getLocale());
  if (!product) return {};
  return { title: product.name, description: product.summary, alternates: languageAlternates(`/products/${product.slug}`, await searchParams) };
}

export default async function ProductPage({ params }: Props) {
  const locale = await getLocale();
  const product = await productOf((await params).slug, locale);
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
        <p className="price">{formatMoney(product.priceCents, product.currency, moneyLocale(locale))}</p>
        <p>{product.summary}</p>
        <p>{product.description}</p>
        <AddToCartForm slug={product.slug} words={addToCartWords(locale)} />
      </div>
    </article>
  );
}
