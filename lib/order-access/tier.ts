// The one rule for who may see and change an order (docs/specs/signed-urls.md):
// FULL needs a valid signed order link *and* this browser's session holding the order;
// a valid link alone gives MINIMAL; anything else only shows that the order exists.
// The order page, address correction, download tokens and the proxy all ask here.
import { LinkExpired, SignatureMissing, verifySignedPath, type KeyRing, type QueryPairs } from '../signing';
import { OrderAccessDenied } from './errors';
import { orderPath } from './links';

export type LinkState = 'valid' | 'missing' | 'invalid' | 'expired';
export type OrderTier = 'FULL' | 'MINIMAL' | 'EXISTS';

/** What a request brings to an order: its number, the link's query and the orders this browser's session holds. */
export interface OrderAccessRequest {
  number: string;
  query: QueryPairs;
  sessionOrders: readonly string[];
}

export const isOrderNumber = (value: string) => /^\d{1,20}$/.test(value);

export function linkStateOf(path: string, query: QueryPairs, ring: KeyRing, nowSeconds: number): LinkState {
  try {
    verifySignedPath(path, query, ring, nowSeconds);
    return 'valid';
  } catch (error) {
    if (error instanceof SignatureMissing) return 'missing';
    if (error instanceof LinkExpired) return 'expired';
    return 'invalid';
  }
}

export const orderLinkState = (number: string, query: QueryPairs, ring: KeyRing, nowSeconds: number): LinkState =>
  linkStateOf(orderPath(number), query, ring, nowSeconds);

/** FULL needs both a valid link and this browser's session; a valid link alone gives MINIMAL. */
export function decideOrderTier(link: LinkState, sessionHoldsOrder: boolean): OrderTier {
  if (link !== 'valid') return 'EXISTS';
  return sessionHoldsOrder ? 'FULL' : 'MINIMAL';
}

export function orderAccess(request: OrderAccessRequest, ring: KeyRing, nowSeconds: number): { tier: OrderTier; link: LinkState } {
  const link = orderLinkState(request.number, request.query, ring, nowSeconds);
  return { tier: decideOrderTier(link, request.sessionOrders.includes(request.number)), link };
}

/** Changes and downloads are for FULL only: this browser, with the order's signed link. */
export function requireFullAccess(request: OrderAccessRequest, ring: KeyRing, nowSeconds: number): void {
  if (orderAccess(request, ring, nowSeconds).tier !== 'FULL') throw new OrderAccessDenied();
}
