// An order is paid: the one place access is granted. Every provider ends here (the test page,
// Stripe's webhook, an admin's "Mark paid", a zero total), inside one transaction: the status
// moves to `paid`, each line's FULFILMENT grants what it sells, and the confirmation is queued.
import type { Tx } from '../db/client';
import type { KeyRing } from '../signing';
import { enqueueMail } from '../mail/outbox';
import { confirmationMail } from '../orders/emails';
import { absoluteLink, signedOrderPath } from '../order-access/links';
import { grantsOfOrder } from '../content/grants';
import { linksForGrants, type LinkSigner } from '../content-links/issue';
import { fulfilLines } from '../fulfilment/fulfil';
import { licenseKeyDigestRing } from '../licenses/key';
import { licenseKeysOfOrder } from '../licenses/order-keys';
import { moveOrder } from '../order-states/move';
import { ORDER_LIFE } from '../order-states/states';
import { PaymentMismatch } from './errors';

/** What the order's emails need: its signed link, and the key that signs reading links. */
export interface OrderMailContext {
  ring: KeyRing;
  publicUrl: string;
  contentSigner?: LinkSigner;
}

export interface SettledPayment {
  provider: string;
  /** The provider's id of the payment (Stripe's payment intent, the admin's transfer reference). */
  reference: string | null;
  amountCents: number;
  currency: string;
  actor: string;
  reason: string;
}

export type SettleOutcome = 'settled' | 'already-paid';

const ORDER_TO_SETTLE = {
  items: { orderBy: { id: 'asc' }, include: { product: { select: { id: true, kind: true, downloadLimit: true, licenseDays: true, licenseKeys: true, activationLimit: true } } } },
} as const;

/**
 * Marks the order paid and grants its lines. A payment the order already has (the same
 * reference, e.g. a repeated webhook) changes nothing; one that does not match the order's
 * amount and currency is refused and changes nothing.
 */
export async function settleOrder(tx: Tx, orderId: number, payment: SettledPayment, ctx: OrderMailContext, now: Date): Promise<SettleOutcome> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: ORDER_TO_SETTLE });
  if (order.paidAt && (ORDER_LIFE[order.status].paid || order.status === 'refunded' || order.status === 'disputed')
    && order.paymentProvider === payment.provider && order.paymentReference === payment.reference) return 'already-paid';
  if (payment.currency.toUpperCase() !== order.currency || payment.amountCents !== order.totalCents) {
    throw new PaymentMismatch(`paid ${payment.amountCents} ${payment.currency}, order ${order.totalCents} ${order.currency}`);
  }
  const from = await moveOrder(tx, order.id, 'paid', { actor: payment.actor, reason: payment.reason, amountCents: payment.amountCents, at: now }, {
    paidAt: now, paidCents: payment.amountCents, paymentProvider: payment.provider, paymentReference: payment.reference,
  });
  // Expiry gave the coupon use back; a late payment takes it again (the money is in, so past any limit).
  if (from === 'expired' && order.couponCode) await tx.coupon.updateMany({ where: { code: order.couponCode }, data: { usedCount: { increment: 1 } } });
  await fulfilLines(tx, order.items.map((item) => ({ orderId: order.id, orderItemId: item.id, product: item.product })), now, { licenseKeys: licenseKeyDigestRing(ctx.ring) });
  const contentLinks = ctx.contentSigner ? linksForGrants(await grantsOfOrder(tx, { id: order.id }), ctx.contentSigner, now, order.language) : [];
  const link = absoluteLink(ctx.publicUrl, signedOrderPath(order.number, ctx.ring));
  await enqueueMail(tx, confirmationMail(order, link, contentLinks, await licenseKeysOfOrder(tx, order.id)), now);
  return 'settled';
}
