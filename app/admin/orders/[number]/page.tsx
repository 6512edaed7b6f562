import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/server/shop';
import { formatMoney } from '@/lib/money';
import { orderForAdmin } from '@/lib/orders/admin-queries';
import { countryName } from '@/lib/catalog/countries';
import { formatDateTime } from '@/app/_components/dates';
import { AdminShell } from '../../admin-shell';
import { MarkDispatchedForm } from '../../admin-forms';
import { ConfirmStep } from '../../confirm-step';
import { canMove } from '@/lib/order-states/states';
import { OrderLicenses } from './licenses';
import { AdminPayment } from './payment';

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Order ${(await params).number} · Admin` };
}

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ confirm?: string | string[] }> };

export default async function AdminOrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const { confirm } = await searchParams;
  return <AdminShell><AdminOrder number={number} confirming={typeof confirm === 'string' ? confirm : null} /></AdminShell>;
}

const formatAddress = (json: string) => {
  const a = JSON.parse(json) as Record<string, string>;
  return [a.addressLine1, a.addressLine2, `${a.postalCode} ${a.city}`, countryName(a.country)].filter(Boolean).join(', ');
};

async function AdminOrder({ number, confirming }: { number: string; confirming: string | null }) {
  const order = await orderForAdmin(db(), number);
  if (!order) notFound();
  return (
    <article>
      <h1>Order #{order.number}{order.testMode ? <> <span className="test-badge" data-testid="admin-test-order">TEST</span></> : null}</h1>
      <p>Placed {formatDateTime(order.placedAt)} · Status: <strong data-testid="admin-order-status">{order.status}</strong>
        {order.dispatchedAt ? ` on ${formatDateTime(order.dispatchedAt)}` : ''}</p>
      <p>{order.fullName} &lt;{order.email}&gt;{order.company ? `, ${order.company}` : ''}{order.phone ? `, ${order.phone}` : ''}</p>
      {order.recipientName ? <p>Gift for {order.recipientName} &lt;{order.recipientEmail}&gt;{order.giftMessage ? `: “${order.giftMessage}”` : ''}</p> : null}
      {order.integration ? <p>From {order.integration.name}{order.account ? <> · account <code>{order.account.storeId}</code></> : null} · language {order.language}</p> : null}
      {order.addressLine1 ? (
        <p>Deliver to: {order.addressLine1}{order.addressLine2 ? `, ${order.addressLine2}` : ''}, {order.postalCode} {order.city}, {countryName(order.country)}</p>
      ) : <p>Nothing to post: downloads and reading only.</p>}
      <ul>
        {order.items.map((item) => (
          <li key={item.id}>{item.quantity} × {item.productName} — {formatMoney(item.lineTotalCents, order.currency)}
            {item.takenBackAt ? <strong> · taken back {formatDateTime(item.takenBackAt)}</strong> : null}</li>
        ))}
      </ul>
      {order.discountCents ? <p>Coupon {order.couponCode}: −{formatMoney(order.discountCents, order.currency)}</p> : null}
      <p>Total {formatMoney(order.totalCents, order.currency)}</p>
      <AdminPayment order={order} confirming={confirming} />
      {canMove(order.status, 'dispatched') && !order.dispatchedAt && order.addressLine1 ? (
        <ConfirmStep path={`/admin/orders/${order.number}`} id="dispatch" confirming={confirming === 'dispatch'} label="Mark dispatched"
          consequence={`Mark order #${order.number} dispatched? The ${order.recipientEmail ? 'gift recipient' : 'buyer'} is emailed that it is on its way, and its address can no longer be corrected. This cannot be undone.`}>
          <MarkDispatchedForm number={order.number} />
        </ConfirmStep>
      ) : null}
      <OrderLicenses orderId={order.id} />
      {order.addressChanges.length > 0 ? (
        <section>
          <h2>Address changes</h2>
          <ol>
            {order.addressChanges.map((change) => (
              <li key={change.id}>{formatDateTime(change.changedAt)}: from “{formatAddress(change.previous)}” to “{formatAddress(change.current)}”</li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
