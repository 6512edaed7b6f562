import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { productsPricedIn } from '@/lib/catalog/products';
import { formatMoney } from '@/lib/money';
import { getShopSession } from '@/lib/server/session';
import { shopperCurrency } from '@/lib/session/session';
import type { ProductKind } from '@/lib/catalog/kinds';

const KIND_LABEL: Record<ProductKind, string> = { physical: 'Card', download: 'Download', article: 'Read online', pass: 'Read online' };

export default async function CataloguePage() {
  const products = await productsPricedIn(db(), shopperCurrency(await getShopSession()));
  return (
    <>
      <h1>Pop-up cards that unfold into little worlds</h1>
      <ul className="product-grid">
        {products.map((product) => (
          <li key={product.slug} className="product-card">
            <Link href={`/products/${product.slug}`}>
              <img src={product.imagePath} alt="" width={400} height={300} />
              <span className="kind">{KIND_LABEL[product.kind]}</span>
              <h2>{product.name}</h2>
              <p>{product.summary}</p>
              <span className="price">{formatMoney(product.priceCents, product.currency)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
