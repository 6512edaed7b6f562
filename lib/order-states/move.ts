// The one way an order's status changes: guarded by the table in states.ts, atomic against
// a concurrent change (the update names the status it read), and recorded as an OrderEvent.
import type { Tx } from '../db/client';
import type { Prisma } from '../db/generated/sqlite/client';
import { canMove, type OrderStatus } from './states';
import { TransitionNotAllowed } from './errors';

/** Who changed the order: `shopper`, `admin`, `system`, or a provider (`stripe`, `test`, …). */
export interface OrderChange {
  actor: string;
  reason: string;
  amountCents?: number;
  at: Date;
}

type Writer = Pick<Tx, 'order' | 'orderEvent'>;

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
  return from;
}

/** The first record of an order's life: it was placed, in `status`. */
export async function recordPlaced(tx: Pick<Tx, 'orderEvent'>, orderId: number, status: OrderStatus, change: OrderChange) {
  await tx.orderEvent.create({ data: { orderId, at: change.at, fromStatus: null, toStatus: status, actor: change.actor, reason: change.reason, amountCents: change.amountCents ?? null } });
}
