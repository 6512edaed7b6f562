// Everything the order page decides, from plain request values.
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { isOrderNumber, orderAccess, type OrderAccessRequest } from '../order-access/tier';
import { loadOrderView, type OrderView } from './view';

export interface OrderPageRequest extends OrderAccessRequest { nowSeconds: number }

/** The view this request may see, or null when there is no such order. */
export async function resolveOrderPage(db: Db, request: OrderPageRequest, ring: KeyRing): Promise<OrderView | null> {
  if (!isOrderNumber(request.number)) return null;
  const { tier, link } = orderAccess(request, ring, request.nowSeconds);
  return loadOrderView(db, request.number, tier, link);
}

/** Next.js hands search params as a record; the signature needs them as pairs. */
export function pairsFromSearchParams(params: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(params).flatMap(([name, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [name, v] as [string, string]));
}
