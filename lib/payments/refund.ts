// Giving money back and taking lines back, whole order or some lines, by an admin or from a
// provider's webhook. In three steps, so a provider that times out loses nothing:
//   1. reserve (one transaction): the amount is added to the order's refunded total only if it
//      stays within what was paid, the lines are claimed, a pending Refund holds the request key;
//   2. the provider gives the money back, with the request key as its idempotency key;
//   3. settle (one transaction): the lines' grants are revoked (FULFILMENT), the status moves,
//      the buyer is emailed.
// The same request key always refunds once: a double click or a repeated webhook finds its
// Refund and changes nothing; a retry after a timeout resumes at step 2.
import type { Db, Tx } from '../db/client';
import { enqueueMail } from '../mail/outbox';
import { refundMail } from '../orders/emails';
import { absoluteLink, signedOrderPath } from '../order-access/links';
import { takeBackLine } from '../fulfilment/fulfil';
import { moveOrder } from '../order-states/move';
import { canMove, ORDER_LIFE, type OrderStatus } from '../order-states/states';
import { TransitionNotAllowed } from '../order-states/errors';
import { ProviderRefused, RefundEmpty, RefundLineUnknown, RefundTooLarge } from './errors';
import type { PaymentProvider } from './provider';
import type { OrderMailContext } from './settle';

export interface RefundRequest {
  number: string;
  /** Lines to take back (everything they granted is revoked), or every line not taken back yet. */
  lines: readonly number[] | 'all';
  amountCents: number;
  reason: string;
  actor: string;
  requestKey: string;
}

export interface RefundOutcome {
  refundId: number;
  status: OrderStatus;
  /** True when the request key had already refunded: nothing was done again. */
  repeated: boolean;
}

/** Who gives the money back: the order's provider, or nobody (the provider already did, or a transfer is sent by hand). */
export type RefundPayer = PaymentProvider | { alreadyRefunded: string | null };

const ORDER_TO_REFUND = {
  items: { orderBy: { id: 'asc' }, select: { id: true, productName: true, quantity: true, unitPriceCents: true, takenBackAt: true, refundId: true, product: { select: { kind: true } } } },
} as const;

type OrderToRefund = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

const loadOrder = (db: Pick<Db, 'order'>, where: { number: string } | { id: number }) =>
  db.order.findUnique({ where, include: ORDER_TO_REFUND });

function chosenLines(order: OrderToRefund, lines: RefundRequest['lines']): number[] {
  const open = order.items.filter((item) => !item.takenBackAt && item.refundId === null).map((item) => item.id);
  if (lines === 'all') return open;
  const ids = [...new Set(lines)];
  if (ids.some((id) => !open.includes(id))) throw new RefundLineUnknown();
  return ids;
}

/** Step 1: within what was paid, or not at all. Returns the pending refund's id. */
async function reserve(db: Db, order: OrderToRefund, request: RefundRequest, now: Date): Promise<number> {
  if (!ORDER_LIFE[order.status].refundable) throw new TransitionNotAllowed(order.status, 'refunded');
  const lines = chosenLines(order, request.lines);
  const amount = request.amountCents;
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RefundTooLarge('the amount is not a whole number of cents');
  if (amount === 0 && lines.length === 0) throw new RefundEmpty();
  if (amount > order.paidCents - order.refundedCents) throw new RefundTooLarge();
  return db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: order.status, refundedCents: { lte: order.paidCents - amount } },
      data: { refundedCents: { increment: amount } },
    });
    if (count === 0) throw new RefundTooLarge('another refund took the rest a moment ago');
    const refund = await tx.refund.create({
      data: { orderId: order.id, requestKey: request.requestKey, amountCents: amount, currency: order.currency, reason: request.reason, actor: request.actor, status: 'pending', createdAt: now },
    });
    const claimed = await tx.orderItem.updateMany({ where: { id: { in: lines }, orderId: order.id, refundId: null, takenBackAt: null }, data: { refundId: refund.id } });
    if (claimed.count !== lines.length) throw new RefundLineUnknown();
    return refund.id;
  });
}

/** The provider refused: the reservation is undone and the request key freed for a corrected attempt. */
async function release(db: Db, refundId: number, now: Date) {
  await db.$transaction(async (tx) => {
    const refund = await tx.refund.update({ where: { id: refundId }, data: { status: 'failed', settledAt: now, requestKey: `failed:${refundId}:${now.getTime()}` } });
    await tx.orderItem.updateMany({ where: { refundId }, data: { refundId: null } });
    await tx.order.update({ where: { id: refund.orderId }, data: { refundedCents: { decrement: refund.amountCents } } });
  });
}

/** Everything the money covers goes: a full refund (or every line back) takes back every line. */
function statusAfter(order: { paidCents: number; refundedCents: number }, openLinesLeft: number): 'refunded' | 'partially_refunded' {
  const allMoneyBack = order.paidCents > 0 && order.refundedCents >= order.paidCents;
  return allMoneyBack || openLinesLeft === 0 ? 'refunded' : 'partially_refunded';
}

/** Step 3, once: revoke, move, email. A second call for a settled refund does nothing. */
async function settle(tx: Tx, refundId: number, providerRefundId: string | null, ctx: OrderMailContext, now: Date): Promise<OrderStatus> {
  const { count } = await tx.refund.updateMany({ where: { id: refundId, status: 'pending' }, data: { status: 'succeeded', providerRefundId, settledAt: now } });
  const refund = await tx.refund.findUniqueOrThrow({ where: { id: refundId } });
  const order = (await loadOrder(tx, { id: refund.orderId }))!;
  if (count === 0) return order.status;
  // Money and lines another refund still holds (pending at its provider) are not back yet: they
  // stay that refund's, to take back when it settles (or to free if its provider refuses).
  const pending = await tx.refund.aggregate({ where: { orderId: order.id, status: 'pending' }, _sum: { amountCents: true } });
  const settledCents = order.refundedCents - (pending._sum.amountCents ?? 0);
  const left = order.items.filter((item) => !item.takenBackAt && item.refundId !== refundId);
  const to = statusAfter({ paidCents: order.paidCents, refundedCents: settledCents }, left.length);
  const takenBack = order.items.filter((item) => !item.takenBackAt && (item.refundId === refundId || (to === 'refunded' && item.refundId === null)));
  for (const item of takenBack) {
    await tx.orderItem.update({ where: { id: item.id }, data: { takenBackAt: now, refundId: item.refundId ?? refundId } });
    await takeBackLine(tx, { orderItemId: item.id, kind: item.product.kind }, now);
  }
  // Refunded in full already (another refund took the rest a moment ago): this one is recorded and mailed, the status stays.
  const status = order.status === 'refunded' ? order.status : to;
  if (status !== order.status || canMove(status, status)) {
    await moveOrder(tx, order.id, status, { actor: refund.actor, reason: refund.reason || 'refund', amountCents: refund.amountCents, at: now });
  }
  const link = absoluteLink(ctx.publicUrl, signedOrderPath(order.number, ctx.ring));
  await enqueueMail(tx, refundMail(order, { amountCents: refund.amountCents, reason: refund.reason, lines: takenBack.map((item) => item.productName) }, link), now);
  return status;
}

/**
 * Refunds `amountCents` and takes back `lines`. Throws TransitionNotAllowed (nothing to refund
 * in this status), RefundTooLarge, RefundEmpty, RefundLineUnknown, ProviderRefused (nothing
 * changed) or ProviderUnavailable (the refund stays pending; the same request key resumes it).
 */
export async function refundOrder(db: Db, payer: RefundPayer, request: RefundRequest, ctx: OrderMailContext, now: Date): Promise<RefundOutcome> {
  const order = await loadOrder(db, { number: request.number });
  if (!order) throw new RefundLineUnknown('no such order');
  let refundId: number;
  const earlier = await db.refund.findUnique({ where: { requestKey: request.requestKey } });
  if (earlier && earlier.orderId !== order.id) throw new RefundEmpty('the request key belongs to another order');
  if (earlier?.status === 'succeeded') return { refundId: earlier.id, status: order.status, repeated: true };
  if (earlier) refundId = earlier.id;
  else {
    try {
      refundId = await reserve(db, order, request, now);
    } catch (error) {
      // The same request at the same moment (a double click): that one refunds. Its reservation
      // may make this one fail on the key (unique), the amount (RefundTooLarge) or the lines.
      const winner = await db.refund.findUnique({ where: { requestKey: request.requestKey } });
      if (!winner || winner.orderId !== order.id) throw error;
      const { status } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
      return { refundId: winner.id, status, repeated: true };
    }
  }
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId } });
  let providerRefundId: string | null = null;
  if ('alreadyRefunded' in payer) providerRefundId = payer.alreadyRefunded;
  else if (refund.amountCents > 0) {
    try {
      ({ providerRefundId } = await payer.refund({
        paymentReference: order.paymentReference, amountCents: refund.amountCents, currency: order.currency, idempotencyKey: request.requestKey,
      }));
    } catch (error) {
      if (error instanceof ProviderRefused) await release(db, refundId, now);
      throw error;
    }
  }
  const status = await db.$transaction((tx) => settle(tx, refundId, providerRefundId, ctx, now));
  return { refundId, status, repeated: false };
}

/** The buyer's bank disputed the payment: every line is taken back at once. */
export async function disputeOrder(db: Db, orderId: number, change: { actor: string; reason: string; at: Date }) {
  await db.$transaction(async (tx) => {
    const order = (await loadOrder(tx, { id: orderId }))!;
    if (order.status === 'disputed') return;
    await moveOrder(tx, orderId, 'disputed', change);
    for (const item of order.items.filter((line) => !line.takenBackAt)) {
      await tx.orderItem.update({ where: { id: item.id }, data: { takenBackAt: change.at } });
      await takeBackLine(tx, { orderItemId: item.id, kind: item.product.kind }, change.at);
    }
  });
}
