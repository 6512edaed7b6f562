// The FULL tier's address correction. The server re-decides the tier from the
// signed link and the session at submit time; the form's word is not trusted.
import type { Db } from '../db/client';
import type { KeyRing, QueryPairs } from '../signing';
import { addressOf, type DeliveryAddress } from './customer-input';
import { AddressLocked, ConcurrentChange, OrderAccessDenied, OrderNotFound } from './errors';
import { orderPath } from './links';
import { decideOrderTier, linkStateOf } from './tier';

export interface CorrectionRequest {
  number: string;
  /** The query string of the signed order link the form was shown on. */
  linkQuery: QueryPairs;
  sessionOrders: readonly string[];
  address: DeliveryAddress;
}

export async function correctDeliveryAddress(db: Db, request: CorrectionRequest, ring: KeyRing, now: Date): Promise<void> {
  const link = linkStateOf(orderPath(request.number), request.linkQuery, ring, Math.floor(now.getTime() / 1000));
  if (decideOrderTier(link, request.sessionOrders.includes(request.number)) !== 'FULL') throw new OrderAccessDenied();

  // Optimistic: the update only lands on the address that was read, so the
  // history's "previous" is exact even with two corrections at once; the status
  // guard makes a dispatch that lands first win.
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const order = await db.order.findUnique({ where: { number: request.number } });
    if (!order) throw new OrderNotFound();
    if (order.status !== 'placed') throw new AddressLocked();
    const previous = addressOf(order);
    const stored = await db.$transaction(async (tx) => {
      const updated = await tx.order.updateMany({ where: { id: order.id, status: 'placed', ...previous }, data: request.address });
      if (updated.count === 0) return false;
      await tx.addressChange.create({
        data: { orderId: order.id, previous: JSON.stringify(previous), current: JSON.stringify(addressOf(request.address)), changedAt: now },
      });
      return true;
    });
    if (stored) return;
  }
  throw new ConcurrentChange();
}
