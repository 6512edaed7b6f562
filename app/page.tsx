import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { productsPricedIn } from '@/lib/catalog/products';
import { formatMoney } from '@/lib/money';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';
import { languageAlternates } from '@/app/_components/alternates';
import { getShopSession } from '@/lib/server/session';
import { shopperCurrency } from '@/lib/session/session';
import type { ProductKind } from '@/lib/catalog/kinds';

/** Each kind's badge: its words are `Catalogue.kind_<kind>`, so a new kind fails the type check until it has them. */
const KIND_BADGE = { physical: 'kind_physical', download: 'kind_download', article: 'kind_article', pass: 'kind_pass' } as const satisfies Record<ProductKind, string>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
  return { alternates: languageAlternates('/', await searchParams) };
}

export default async function CataloguePage() {
  const locale = await getLocale();
  const products = await productsPricedIn(db(), shopperCurrency(await getShopSession()), undefined, locale);
  const t = translatorFor(locale, 'Catalogue');
  return (
    <>
      <h1>{t('heading')}</h1>
      <ul className="product-grid">
        {products.map((product) => (
          <li key={product.slug} className="product-card">
            <Link href={`/products/${product.slug}`}>
              <img src={product.imagePath} alt="" width={400} height={300} />
              <span className="kind">{t(KIND_BADGE[product.kind])}</span>
              <h2>{product.name}</h2>
              <p>{product.summary}</p>
              <span className="price">{formatMoney(product.priceCents, product.currency, moneyLocale(locale))}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
