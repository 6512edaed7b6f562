import { randomBytes } from 'node:crypto';
import { formatMoney } from '@/lib/money';
import { ORDER_LIFE, type OrderStatus } from '@/lib/order-states/states';
import { formatDateTime } from '@/app/_components/dates';
import { ConfirmStep } from '../../confirm-step';
import { CancelOrderForm, MarkPaidForm, RefundForm } from './payment-forms';

interface AdminPaymentOrder {
  number: string;
  status: OrderStatus;
  currency: string;
  totalCents: number;
  paidCents: number;
  refundedCents: number;
  paidAt: Date | null;
  payBy: Date | null;
  paymentProvider: string;
  paymentReference: string | null;
  items: { id: number; productName: string; quantity: number; lineTotalCents: number; takenBackAt: Date | null; refundId: number | null }[];
  events: { id: number; at: Date; fromStatus: string | null; toStatus: string; actor: string; reason: string; amountCents: number | null }[];
  refunds: { id: number; createdAt: Date; settledAt: Date | null; amountCents: number; status: string; reason: string; actor: string; providerRefundId: string | null }[];
}

/** Payment, refunds and the order's history on its admin page; `confirming` opens one of its confirmation steps. */
export function AdminPayment({ order, confirming }: { order: AdminPaymentOrder; confirming: string | null }) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const path = `/admin/orders/${order.number}`;
  const life = ORDER_LIFE[order.status];
  const openLines = order.items.filter((item) => !item.takenBackAt && item.refundId === null)
    .map((item) => ({ id: item.id, label: `${item.quantity} × ${item.productName} (${money(item.lineTotalCents)})` }));
  return (
    <section aria-labelledby="payment-heading">
      <h2 id="payment-heading">Payment</h2>
      <p>
        {order.paymentProvider}{order.paymentReference ? <> · reference <code>{order.paymentReference}</code></> : null}
        {order.paidAt ? <> · paid {money(order.paidCents)} on {formatDateTime(order.paidAt)}</> : null}
        {order.refundedCents ? <> · refunded <strong data-testid="admin-refunded">{money(order.refundedCents)}</strong></> : null}
        {life.payable && order.payBy ? <> · expires unpaid {formatDateTime(order.payBy)}</> : null}
      </p>
      {life.payable || order.status === 'expired' ? (
        <ConfirmStep path={path} id="paid" confirming={confirming === 'paid'} label="Mark paid"
          consequence={`Mark order #${order.number} paid (${money(order.totalCents)})? Its downloads, articles and passes are granted at once and the buyer is emailed.`}>
          <MarkPaidForm number={order.number} />
        </ConfirmStep>
      ) : null}
      {life.payable ? (
        <ConfirmStep path={path} id="cancel" confirming={confirming === 'cancel'} label="Cancel order"
          consequence={`Cancel order #${order.number}? It can no longer be paid; a coupon it used is given back. This cannot be undone.`}>
          <CancelOrderForm number={order.number} />
        </ConfirmStep>
      ) : null}
      {life.refundable ? (
        <ConfirmStep path={path} id="refund" confirming={confirming === 'refund'} label="Refund"
          consequence={`Refund order #${order.number}: the money goes back through ${order.paymentProvider}, and every line you tick loses at once what it granted (downloads, article and pass links). A full refund takes back every line. This cannot be undone.`}>
          <RefundForm number={order.number} lines={openLines} requestKey={randomBytes(18).toString('base64url')} leftLabel={money(order.paidCents - order.refundedCents)} />
        </ConfirmStep>
      ) : null}
      {order.refunds.length > 0 ? (
        <table className="admin-table">
          <caption>Refunds</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">By</th><th scope="col">Reason</th><th scope="col">Provider’s id</th></tr></thead>
          <tbody>
            {order.refunds.map((refund) => (
              <tr key={refund.id}>
                <td>{formatDateTime(refund.settledAt ?? refund.createdAt)}</td><td>{money(refund.amountCents)}</td>
                <td>{refund.status === 'pending' ? 'pending: the provider has not confirmed it; refund again with the same amount to resume' : refund.status}</td>
                <td>{refund.actor}</td><td>{refund.reason}</td><td>{refund.providerRefundId ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table className="admin-table" data-testid="order-history">
        <caption>History</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Status</th><th scope="col">By</th><th scope="col">Why</th><th scope="col">Amount</th></tr></thead>
        <tbody>
          {order.events.map((event) => (
            <tr key={event.id}>
              <td>{formatDateTime(event.at)}</td><td>{event.fromStatus ? `${event.fromStatus} → ` : ''}{event.toStatus}</td>
              <td>{event.actor}</td><td>{event.reason}</td><td>{event.amountCents === null ? '' : money(event.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
