// Bank transfer or invoice: the order waits until an admin sees the money and marks it paid
// with the transfer's reference. Refunds are sent back by the admin, and recorded here.
import type { Db } from '../../db/client';
import { OrderNotPayable } from '../errors';
import type { PaymentProvider } from '../provider';
import { settleOrder, type OrderMailContext } from '../settle';
import { PAYABLE_STATUSES } from '../../order-states/states';

export function manualProvider(): PaymentProvider {
  return {
    name: 'manual',
    async start() { return { byTransfer: true }; },
    async refund() { return { providerRefundId: null }; },
  };
}

/** An admin saw the transfer: the order is paid in full, with the admin's reference. */
export async function markPaidByAdmin(db: Db, number: string, reference: string, ctx: OrderMailContext, now: Date) {
  const order = await db.order.findUnique({ where: { number }, select: { id: true, status: true, totalCents: true, currency: true, paymentProvider: true, paymentReference: true } });
  if (!order) throw new OrderNotPayable();
  // The same form sent twice: paid once.
  if (order.paymentProvider === 'manual' && order.paymentReference === reference && order.status !== 'awaiting_payment') return 'already-paid';
  // An expired order may still be marked paid: the money arrived late, and it counts.
  if (!([...PAYABLE_STATUSES, 'expired'] as readonly string[]).includes(order.status)) throw new OrderNotPayable();
  return db.$transaction((tx) => settleOrder(tx, order.id, {
    provider: 'manual', reference, amountCents: order.totalCents, currency: order.currency, actor: 'admin', reason: `payment received: ${reference}`,
  }, ctx, now));
}
