// The FULL tier's address correction. The server re-decides the tier from the
// signed link and the session at submit time; the form's word is not trusted.
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { requireFullAccess, type OrderAccessRequest } from '../order-access/tier';
import { addressOf, type DeliveryAddress } from './address';
import { AddressLocked, ConcurrentChange, OrderNotFound } from './errors';
import { ORDER_LIFE } from '../order-states/states';
import { currencyForCountry } from '../catalog/currencies';
import { InputInvalid } from '../errors';
import { fieldReason } from '../forms';

/** The order was priced, shipping included, in its country's currency: another country must pay in the same one. */
function assertSameCurrency(order: { country: string; currency: string }, address: DeliveryAddress) {
  if (address.country === order.country || currencyForCountry(address.country) === order.currency) return;
  throw new InputInvalid({ country: fieldReason('countryOtherCurrency', { currency: order.currency }) });
}

/** `query` is the signed order link's the form was shown on. */
export interface CorrectionRequest extends OrderAccessRequest {
  address: DeliveryAddress;
}

export async function correctDeliveryAddress(db: Db, request: CorrectionRequest, ring: KeyRing, now: Date): Promise<void> {
  requireFullAccess(request, ring, Math.floor(now.getTime() / 1000));

  // Optimistic: the update only lands on the address that was read, so the
  // history's "previous" is exact even with two corrections at once; the status
  // guard makes a dispatch that lands first win.
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const order = await db.order.findUnique({ where: { number: request.number } });
    if (!order) throw new OrderNotFound();
    if (!ORDER_LIFE[order.status].addressEditable || order.dispatchedAt) throw new AddressLocked();
    assertSameCurrency(order, request.address);
    const previous = addressOf(order);
    const stored = await db.$transaction(async (tx) => {
      const updated = await tx.order.updateMany({ where: { id: order.id, status: order.status, dispatchedAt: null, ...previous }, data: request.address });
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
