import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { productsForAdmin } from '@/lib/catalog/admin';
import { CURRENCIES } from '@/lib/catalog/currencies';
import { FULFILMENT } from '@/lib/fulfilment/kinds';
import { AdminShell } from '../admin-shell';
import { AdminTable } from '../admin-table';
import { adminTitle, adminWords } from '../admin-words';

export const generateMetadata = () => adminTitle((t) => t('productsTitle'));

export default function AdminProductsPage() {
  return <AdminShell><Products /></AdminShell>;
}

/** Every product of every kind: its prices, whether it is sold, and for a digital one its file and limits. */
async function Products() {
  const { t, money } = await adminWords();
  const products = await productsForAdmin(db());
  return (
    <>
      <h1>{t('productsTitle')}</h1>
      <AdminTable columns={[t('colProduct'), t('colKind'), t('colPrices'), t('colInShop'), t('colFileSource'), t('colDownloadLimit'), t('colLicenseLength')]}
        rows={products.map((p) => {
          const digital = FULFILMENT[p.kind].hasFile;
          const prices = CURRENCIES.flatMap((currency) => p.prices.filter((price) => price.currency === currency))
            .map((price) => money(price.priceCents, price.currency)).join(' · ');
          return {
            key: p.slug,
            cells: [
              <Link key="name" href={`/admin/products/${p.slug}`}>{p.name}</Link>,
              t('productKind', { kind: p.kind }),
              prices || t('notSold'),
              p.active ? t('productActive') : t('productInactive'),
              !digital ? '—' : p.fileSource && p.fileSource.kind !== 'none' ? `${p.fileSource.kind} · ${p.fileSource.fileName}` : t('fileNone'),
              !digital ? '—' : p.downloadLimit ?? t('unlimited'),
              !digital ? '—' : p.licenseDays ? t('licenseDays', { days: p.licenseDays }) : t('forever'),
            ],
          };
        })} />
    </>
  );
}
