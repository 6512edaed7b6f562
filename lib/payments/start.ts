// Starting (or retrying) a payment for an order that waits for one: the configured provider
// says where the buyer goes next. Nothing is granted here; that happens when the payment settles.
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { absoluteLink, signedOrderPath } from '../order-access/links';
import { thanksOrderPath } from '../orders/first-view';
import { PAYABLE_STATUSES } from '../order-states/states';
import { OrderNotPayable } from './errors';
import type { PaymentProvider } from './provider';
import { expireIfOverdue } from './unpaid';

export interface StartContext { ring: KeyRing; publicUrl: string; now: Date }

const ORDER_TO_PAY = {
  id: true, number: true, status: true, payBy: true, currency: true, totalCents: true, shippingCents: true, discountCents: true,
  couponCode: true, email: true, language: true, paymentReference: true, items: { orderBy: { id: 'asc' }, select: { productName: true, quantity: true, unitPriceCents: true } },
} as const;

/** Where to send the buyer: the provider's page, or (a bank transfer) the order page with the instructions. */
export async function beginPayment(db: Db, provider: PaymentProvider, number: string, ctx: StartContext): Promise<{ redirectTo: string }> {
  const order = await db.order.findUnique({ where: { number }, select: ORDER_TO_PAY });
  if (!order || !(PAYABLE_STATUSES as readonly string[]).includes(order.status)) throw new OrderNotPayable();
  if (await expireIfOverdue(db, order, ctx.now)) throw new OrderNotPayable('the time to pay has passed');
  const returnUrl = absoluteLink(ctx.publicUrl, signedOrderPath(number, ctx.ring));
  // The buyer's first view of the order once paid (or, by transfer, at once) thanks them.
  const successUrl = absoluteLink(ctx.publicUrl, thanksOrderPath(number, ctx.ring));
  const payBy = order.payBy ?? new Date(ctx.now.getTime() + 86_400_000);
  const started = await provider.start({ order, returnUrl, successUrl, payBy, previousReference: order.paymentReference });
  if ('byTransfer' in started) return { redirectTo: successUrl };
  if (started.reference) {
    await db.order.updateMany({ where: { id: order.id, status: { in: [...PAYABLE_STATUSES] } }, data: { paymentReference: started.reference } });
  }
  return { redirectTo: started.redirectTo };
}
