// Orders for tests: nothing is granted before an order is paid, so a test that needs licences,
// grants or the confirmation email places the order and pays it on the test payment page.
import type { Db } from '@/lib/db/client';
import type { OrderLine } from '@/lib/checkout/pricing';
import type { CheckoutInput } from '@/lib/checkout/customer-input';
import { placeOrder, type OrderTerms, type PlaceOrderContext } from '@/lib/checkout/place-order';
import { completeTestPayment } from '@/lib/payments/providers/test';

/** What the tests give: the signing ring, the shop's URL, the clock (and a content-link signer). */
export type OrderContextInput = Omit<PlaceOrderContext, 'provider' | 'payWithinMs'> & Partial<Pick<PlaceOrderContext, 'provider' | 'payWithinMs'>>;

export const TEST_PAY_WITHIN_MS = 24 * 3_600_000;

/** A checkout context paying with the test provider, within a day, unless told otherwise. */
export function testOrderContext(input: OrderContextInput): PlaceOrderContext {
  return { provider: 'test', payWithinMs: TEST_PAY_WITHIN_MS, ...input };
}

/** Places the order with the test provider and pays it in full at `ctx.now`: licences, grants and the confirmation exist after. */
export async function placePaidOrder(db: Db, lines: readonly OrderLine[], customer: CheckoutInput, ctx: OrderContextInput, terms?: OrderTerms) {
  const context = testOrderContext({ ...ctx, provider: 'test' });
  const placed = await placeOrder(db, lines, customer, context, terms);
  if (!placed.paid) await completeTestPayment(db, placed.number, 'pay', context, context.now);
  return { ...placed, paid: true };
}
