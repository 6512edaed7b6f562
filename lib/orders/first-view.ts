// The first view of a new order thanks the buyer. The link that leads there (after paying, or
// straight from checkout) carries a signed marker, `thanks=1`; the page honours it only on the
// FULL tier, so only the browser that placed the order is thanked. Emails never carry it.
import { signedPath, type KeyRing, type QueryPairs } from '../signing';
import { orderPath } from '../order-access/links';

export const THANKS_PARAM = 'thanks';

/** The order's signed link with the marker; the signature comes first, as in every other order link. */
export function thanksOrderPath(number: string, ring: KeyRing): string {
  const signature = new URLSearchParams(signedPath(orderPath(number), ring, { query: [[THANKS_PARAM, '1']] }).split('?')[1]).get('signature');
  return `${orderPath(number)}?signature=${signature}&${THANKS_PARAM}=1`;
}

export const asksForThanks = (query: QueryPairs) => query.some(([name, value]) => name === THANKS_PARAM && value === '1');
