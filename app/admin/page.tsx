import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { listOrders } from '@/lib/orders/admin-queries';
import { AdminShell } from './admin-shell';
import { AdminTable } from './admin-table';
import { adminTitle, adminWords } from './admin-words';
import { FailedWebhooksNotice } from './webhooks/failed-notice';

export const generateMetadata = () => adminTitle((t) => t('ordersTitle'));

export default function AdminPage() {
  return <AdminShell><OrderList /></AdminShell>;
}

async function OrderList() {
  const { t, dateTime, money } = await adminWords();
  const orders = await listOrders(db());
  return (
    <>
      <h1>{t('ordersTitle')}</h1>
      <FailedWebhooksNotice />
      {orders.length === 0 ? <p>{t('ordersNone')}</p> : (
        <AdminTable columns={[t('colOrder'), t('colPlaced'), t('colCustomer'), t('colTotal'), t('colStatus')]}
          rows={orders.map((order) => ({
            key: order.number,
            cells: [
              <><Link href={`/admin/orders/${order.number}`}>#{order.number}</Link>{order.testMode ? ` ${t('testBadge')}` : ''}</>,
              dateTime(order.placedAt), order.fullName, money(order.totalCents, order.currency), order.status,
            ],
          }))} />
      )}
    </>
  );
}
