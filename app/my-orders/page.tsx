import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';
import { formatMoney } from '@/lib/money';
import { heldOrders } from '@/lib/order-finder/orders';
import { MAX_EMAIL_LENGTH } from '@/lib/order-finder/email';
import { signedOrderPath } from '@/lib/order-access/links';
import { getShopSession } from '@/lib/server/session';
import { formatDateTime } from '@/app/_components/dates';
import { statusWords } from '@/app/_components/order-status';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translatorFor(await getLocale(), 'Finder')('title'), robots: { index: false, follow: false } };
}

interface Props { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** "Find my orders": the form that mails a sign-in link, and the orders this browser holds (each opens at FULL tier). */
export default async function MyOrdersPage({ searchParams }: Props) {
  const { sent, found } = await searchParams;
  const locale = await getLocale();
  const t = translatorFor(locale, 'Finder');
  const status = translatorFor(locale, 'Order');
  const session = await getShopSession();
  const orders = await heldOrders(db(), session.orders ?? []);
  const foundCount = Number(found);
  return (
    <section>
      <h1>{t('title')}</h1>
      {Number.isInteger(foundCount) && foundCount > 0 ? <p role="status" className="ok">{t('found', { count: foundCount })}</p> : null}
      <form method="post" action="/my-orders/request" className="claim-form">
        <p className="hint">{t('intro')}</p>
        <label htmlFor="finder-email">{t('email')}</label>
        <input id="finder-email" name="email" type="email" autoComplete="email" required maxLength={MAX_EMAIL_LENGTH} />
        <button type="submit">{t('send')}</button>
        {sent ? <p role="status" className="ok">{t('sent')}</p> : null}
      </form>
      {orders.length > 0 ? (
        <>
          <h2>{t('held')}</h2>
          {/* A list, not a table: four columns do not fit a 320 px phone in German or French. */}
          <ul className="held-orders">
            {orders.map((order) => (
              <li key={order.number}>
                {/* The session holds the order, so its signed link opens it at the FULL tier. */}
                <a href={signedOrderPath(order.number, shop().rings.orders)}>{t('order')} #{order.number}</a>{order.testMode ? ` ${t('test')}` : ''}
                <br />
                {t('placed')}: {formatDateTime(order.placedAt, locale)} · {t('status')}: {statusWords(status, order)}
                {' · '}{t('total')}: {formatMoney(order.totalCents, order.currency, moneyLocale(locale))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
