// The one way an order's status changes: guarded by the table in states.ts, atomic against
// a concurrent change (the update names the status it read), and recorded as an OrderEvent
// and, for the statuses WEBHOOK_OF_STATUS names, as an outgoing webhook event in the same transaction.
import type { Tx } from '../db/client';
import type { Prisma } from '../db/generated/sqlite/client';
import { canMove, type OrderStatus } from './states';
import { TransitionNotAllowed } from './errors';
import { WEBHOOK_OF_STATUS } from './webhook-events';
import { recordWebhookEvent, type WebhookWriter } from '../webhooks/record';
import { orderEventData } from '../webhooks/events';

/** Who changed the order: `shopper`, `admin`, `system`, or a provider (`stripe`, `test`, …). */
export interface OrderChange {
  actor: string;
  reason: string;
  amountCents?: number;
  at: Date;
}

type Writer = Pick<Tx, 'order' | 'orderEvent'> & WebhookWriter;

/**
 * Moves the order from the status it has now to `to`, with `data` written in the same update.
 * Throws TransitionNotAllowed when the table forbids it or another request moved it first.
 */
export async function moveOrder(tx: Writer, orderId: number, to: OrderStatus, change: OrderChange, data: Prisma.OrderUpdateManyMutationInput = {}): Promise<OrderStatus> {
  const current = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
  if (!current) throw new TransitionNotAllowed(null, to);
  const from = current.status;
  if (!canMove(from, to)) throw new TransitionNotAllowed(from, to);
  const { count } = await tx.order.updateMany({ where: { id: orderId, status: from }, data: { ...data, status: to } });
  if (count === 0) throw new TransitionNotAllowed(from, to);
  await tx.orderEvent.create({
    data: { orderId, at: change.at, fromStatus: from, toStatus: to, actor: change.actor, reason: change.reason, amountCents: change.amountCents ?? null },
  });
  await announce(tx, orderId, from, to, change);
  return from;
}

/** The webhook event of the move, if its status has one (written only when an endpoint listens). */
async function announce(tx: Writer, orderId: number, from: OrderStatus, to: OrderStatus, change: OrderChange) {
  const type = WEBHOOK_OF_STATUS[to];
  if (type === null) return;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { number: true, status: true, currency: true, totalCents: true, paidCents: true, refundedCents: true, testMode: true, integrationId: true },
  });
  const { testMode, integrationId, ...snapshot } = order;
  await recordWebhookEvent(tx, {
    type, at: change.at, orderId, integrationId,
    data: orderEventData({ order: { ...snapshot, test: testMode }, change: { from, to, at: change.at, actor: change.actor, reason: change.reason, amountCents: change.amountCents ?? null } }),
  });
}

/** The first record of an order's life: it was placed, in `status`. */
export async function recordPlaced(tx: Pick<Tx, 'orderEvent'>, orderId: number, status: OrderStatus, change: OrderChange) {
  await tx.orderEvent.create({ data: { orderId, at: change.at, fromStatus: null, toStatus: status, actor: change.actor, reason: change.reason, amountCents: change.amountCents ?? null } });
}
