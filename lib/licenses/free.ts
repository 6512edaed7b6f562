// The buyer frees an activation from the FULL tier of the order page (this browser, with the
// order's signed link), for a license of that order only.
import type { Db } from '../db/client';
import type { KeyRing, QueryPairs } from '../signing';
import { requireFullAccess } from '../order-access/tier';
import { freeActivation } from './activations';
import { InstanceUnknown } from './errors';

export interface BuyerFreeRequest { number: string; query: QueryPairs; sessionOrders: readonly string[]; licenseId: number; instanceId: string }

export async function freeActivationAsBuyer(db: Db, request: BuyerFreeRequest, ring: KeyRing, now: Date): Promise<void> {
  requireFullAccess({ number: request.number, query: request.query, sessionOrders: request.sessionOrders }, ring, Math.floor(now.getTime() / 1000));
  const license = await db.license.findUnique({ where: { id: request.licenseId }, select: { order: { select: { number: true } } } });
  if (!license || license.order.number !== request.number) throw new InstanceUnknown();
  await freeActivation(db, request.licenseId, request.instanceId, 'buyer', now);
}
