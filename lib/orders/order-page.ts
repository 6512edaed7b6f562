// Everything the order page decides, from plain request values.
import type { Db } from '../db/client';
import type { KeyRing, QueryPairs } from '../signing';
import { orderPath } from './links';
import { decideOrderTier, linkStateOf } from './tier';
import { loadOrderView, type OrderView } from './view';

export const isOrderNumber = (value: string) => /^\d{1,20}$/.test(value);

export interface OrderPageRequest {
  number: string;
  query: QueryPairs;
  sessionOrders: readonly string[];
  nowSeconds: number;
}

/** The view this request may see, or null when there is no such order. */
export async function resolveOrderPage(db: Db, request: OrderPageRequest, ring: KeyRing): Promise<OrderView | null> {
  if (!isOrderNumber(request.number)) return null;
  const link = linkStateOf(orderPath(request.number), request.query, ring, request.nowSeconds);
  const tier = decideOrderTier(link, request.sessionOrders.includes(request.number));
  return loadOrderView(db, request.number, tier, link);
}

/** Next.js hands search params as a record; the signature needs them as pairs. */
export function pairsFromSearchParams(params: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(params).flatMap(([name, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [name, v] as [string, string]));
}
