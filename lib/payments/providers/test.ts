// The test provider: the shop's own clearly labelled payment page with Pay and Decline, for
// the demo and the browser flows. Pay settles the order exactly as a real provider's webhook does.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { moveOrder } from '../../order-states/move';
import { PAYABLE_STATUSES } from '../../order-states/states';
import { OrderNotPayable } from '../errors';
import type { PaymentProvider } from '../provider';
import { settleOrder, type OrderMailContext } from '../settle';
import { expireIfOverdue } from '../unpaid';

/** The test payment page for an order: the order's own signed query, on another path. */
export const testPaymentPath = (number: string) => `/orders/${number}/test-payment`;

const reference = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;

export function testProvider(): PaymentProvider {
  return {
    name: 'test',
    async start({ returnUrl, order }) {
      const signed = new URL(returnUrl);
      return { redirectTo: `${signed.origin}${testPaymentPath(order.number)}${signed.search}` };
    },
    async refund() {
      return { providerRefundId: reference('test_refund') };
    },
  };
}

export type TestOutcome = 'pay' | 'decline';

/** What the buyer chose on the test page. Paying settles the order; declining leaves it payable. */
export async function completeTestPayment(db: Db, number: string, outcome: TestOutcome, ctx: OrderMailContext, now: Date) {
  const order = await db.order.findUnique({ where: { number }, select: { id: true, status: true, payBy: true, totalCents: true, currency: true, paymentProvider: true } });
  // Only an order placed for the test provider is paid here: never one waiting for Stripe or a transfer.
  if (!order || order.paymentProvider !== 'test' || !(PAYABLE_STATUSES as readonly string[]).includes(order.status)) throw new OrderNotPayable();
  if (await expireIfOverdue(db, order, now)) throw new OrderNotPayable('the time to pay has passed');
  await db.$transaction(async (tx) => {
    if (outcome === 'decline') {
      await moveOrder(tx, order.id, 'payment_failed', { actor: 'test', reason: 'declined on the test payment page', at: now });
      return;
    }
    await settleOrder(tx, order.id, {
      provider: 'test', reference: reference('test_payment'), amountCents: order.totalCents, currency: order.currency,
      actor: 'test', reason: 'paid on the test payment page',
    }, ctx, now);
  });
}
