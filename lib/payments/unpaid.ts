// Orders that were never paid: cancelled by an admin, or expired when their time to pay ran
// out. Either way nothing was granted; the coupon use is given back.
import type { Db, Tx } from '../db/client';
import { releaseCoupon } from '../coupons/coupons';
import { moveOrder, type OrderChange } from '../order-states/move';
import { PAYABLE_STATUSES } from '../order-states/states';
import { TransitionNotAllowed } from '../order-states/errors';

async function closeUnpaid(tx: Tx, orderId: number, to: 'cancelled' | 'expired', change: OrderChange) {
  await moveOrder(tx, orderId, to, change);
  const { couponCode } = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { couponCode: true } });
  await releaseCoupon(tx, couponCode);
}

/** An admin (or the buyer) calls the order off before it was paid. */
export function cancelOrder(db: Db, orderId: number, change: OrderChange) {
  return db.$transaction((tx) => closeUnpaid(tx, orderId, 'cancelled', change));
}

const EXPIRY: Omit<OrderChange, 'at'> = { actor: 'system', reason: 'not paid in time' };

/** Expires one order; false when it was paid or closed by another request a moment ago. */
async function expire(db: Db, orderId: number, now: Date): Promise<boolean> {
  try {
    await db.$transaction((tx) => closeUnpaid(tx, orderId, 'expired', { ...EXPIRY, at: now }));
    return true;
  } catch (error) {
    if (error instanceof TransitionNotAllowed) return false;
    throw error;
  }
}

export const EXPIRY_BATCH = 100;

/** Expires unpaid orders whose time to pay has passed; returns how many. Safe to run on every instance at once. */
export async function expireUnpaidOrders(db: Db, now: Date): Promise<number> {
  const due = await db.order.findMany({
    where: { status: { in: [...PAYABLE_STATUSES] }, payBy: { lt: now } }, select: { id: true }, orderBy: { id: 'asc' }, take: EXPIRY_BATCH,
  });
  let expired = 0;
  for (const { id } of due) if (await expire(db, id, now)) expired += 1;
  return expired;
}

/** An order past its time to pay is expired before anyone may start paying it; true when it is (now) expired. */
export async function expireIfOverdue(db: Db, order: { id: number; status: string; payBy: Date | null }, now: Date): Promise<boolean> {
  if (!order.payBy || order.payBy >= now || !(PAYABLE_STATUSES as readonly string[]).includes(order.status)) return false;
  await expire(db, order.id, now);
  return true;
}
