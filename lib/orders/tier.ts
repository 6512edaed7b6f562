// Which view of an order a request may see: the whole idea of the order page.
import { LinkExpired, SignatureMissing, verifySignedPath, type KeyRing, type QueryPairs } from '../signing';

export type LinkState = 'valid' | 'missing' | 'invalid' | 'expired';
export type OrderTier = 'FULL' | 'MINIMAL' | 'EXISTS';

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

/** FULL needs both a valid link and this browser's session; a valid link alone gives MINIMAL. */
export function decideOrderTier(link: LinkState, sessionHoldsOrder: boolean): OrderTier {
  if (link !== 'valid') return 'EXISTS';
  return sessionHoldsOrder ? 'FULL' : 'MINIMAL';
}
