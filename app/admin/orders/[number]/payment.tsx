import { randomBytes } from 'node:crypto';
import { ORDER_LIFE, type OrderStatus } from '@/lib/order-states/states';
import { AdminTable } from '../../admin-table';
import { adminWords, wordsFor } from '../../admin-words';
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
export async function AdminPayment({ order, confirming }: { order: AdminPaymentOrder; confirming: string | null }) {
  const { t, dateTime, money: format } = await adminWords();
  const money = (cents: number) => format(cents, order.currency);
  const path = `/admin/orders/${order.number}`;
  const life = ORDER_LIFE[order.status];
  const openLines = order.items.filter((item) => !item.takenBackAt && item.refundId === null)
    .map((item) => ({ id: item.id, label: `${item.quantity} × ${item.productName} (${money(item.lineTotalCents)})` }));
  return (
    <section aria-labelledby="payment-heading">
      <h2 id="payment-heading">{t('paymentHeading')}</h2>
      <p>
        {order.paymentProvider}{order.paymentReference ? <> · {t('paymentReference')} <code>{order.paymentReference}</code></> : null}
        {order.paidAt ? <> · {t('paymentPaid', { amount: money(order.paidCents), date: dateTime(order.paidAt) })}</> : null}
        {order.refundedCents ? <> · {t('paymentRefunded')} <strong data-testid="admin-refunded">{money(order.refundedCents)}</strong></> : null}
        {life.payable && order.payBy ? <> · {t('paymentExpiresUnpaid', { date: dateTime(order.payBy) })}</> : null}
      </p>
      {life.payable || order.status === 'expired' ? (
        <ConfirmStep path={path} id="paid" confirming={confirming === 'paid'} label={t('markPaid')}
          consequence={t('markPaidConsequence', { number: order.number, amount: money(order.totalCents) })}>
          <MarkPaidForm number={order.number} words={wordsFor(t, ['paidReference', 'markPaidYes'])} />
        </ConfirmStep>
      ) : null}
      {life.payable ? (
        <ConfirmStep path={path} id="cancel" confirming={confirming === 'cancel'} label={t('cancelOrder')}
          consequence={t('cancelConsequence', { number: order.number })}>
          <CancelOrderForm number={order.number} words={wordsFor(t, ['cancelReason', 'cancelYes'])} />
        </ConfirmStep>
      ) : null}
      {life.refundable ? (
        <ConfirmStep path={path} id="refund" confirming={confirming === 'refund'} label={t('refund')}
          consequence={t('refundConsequence', { number: order.number, provider: order.paymentProvider })}>
          <RefundForm number={order.number} lines={openLines} requestKey={randomBytes(18).toString('base64url')} words={{
            ...wordsFor(t, ['refundLines', 'refundReason', 'refundYes']), refundAmount: t('refundAmount', { left: money(order.paidCents - order.refundedCents) }),
          }} />
        </ConfirmStep>
      ) : null}
      {order.refunds.length > 0 ? (
        <AdminTable caption={t('refundsCaption')} columns={[t('colWhen'), t('colAmount'), t('colStatus'), t('colBy'), t('colReason'), t('colProviderId')]}
          rows={order.refunds.map((refund) => ({
            key: refund.id,
            cells: [
              dateTime(refund.settledAt ?? refund.createdAt), money(refund.amountCents),
              refund.status === 'pending' ? t('refundPending') : refund.status, refund.actor, refund.reason, refund.providerRefundId ?? '—',
            ],
          }))} />
      ) : null}
      <AdminTable caption={t('historyCaption')} testId="order-history" columns={[t('colWhen'), t('colStatus'), t('colBy'), t('colWhy'), t('colAmount')]}
        rows={order.events.map((event) => ({
          key: event.id,
          cells: [
            dateTime(event.at), `${event.fromStatus ? `${event.fromStatus} → ` : ''}${event.toStatus}`,
            event.actor, event.reason, event.amountCents === null ? '' : money(event.amountCents),
          ],
        }))} />
    </section>
  );
}
