import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { ordersOfAccount } from '@/lib/accounts/accounts';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';
import { formatMoney } from '@/lib/money';
import { getShopSession } from '@/lib/server/session';
import { formatDateTime } from '@/app/_components/dates';
import { signOutAccountAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Account'))('title'), robots: { index: false, follow: false } };
}

export default async function AccountPage() {
  const session = await getShopSession();
  const t = await getTranslations('Account');
  const account = session.accountId ? await db().account.findUnique({ where: { id: session.accountId } }) : null;
  if (!account) {
    return <section className="notice"><h1>{t('title')}</h1><p>{t('signedOut')}</p></section>;
  }
  const locale = await getLocale();
  const orders = await ordersOfAccount(db(), account.id);
  const status = translatorFor(locale, 'Order');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('storeId')} <code data-testid="account-store-id">{account.storeId}</code></p>
      {orders.length === 0 ? <p>{t('noOrders')}</p> : (
        <table className="items">
          <thead><tr><th scope="col">{t('order')}</th><th scope="col">{t('placed')}</th><th scope="col">{t('status')}</th><th scope="col">{t('total')}</th></tr></thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.number}>
                {/* Through the account route: it adds the order to this browser's session, then opens it at FULL tier. */}
                <td><a href={`/account/orders/${order.number}`}>#{order.number}</a>{order.testMode ? ` ${t('test')}` : ''}</td>
                <td>{formatDateTime(order.placedAt, locale)}</td>
                <td>{status(`status_${order.status}`)}</td>
                <td>{formatMoney(order.totalCents, order.currency, moneyLocale(locale))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form action={signOutAccountAction}><button type="submit">{t('signOut')}</button></form>
    </section>
  );
}
