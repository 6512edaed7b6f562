// Signed order links (docs/specs/signed-urls.md) and the key ring they use.
import { deriveKeyRing, signedPath, type KeyRing } from '../signing';

export const ORDER_LINK_PURPOSE = 'signed-url:orders';

export const orderPath = (number: string) => `/orders/${number}`;

export function orderLinkRing(appKeys: readonly string[]): KeyRing {
  return deriveKeyRing(appKeys, ORDER_LINK_PURPOSE);
}

/** The link given at checkout and in emails: it does not expire. */
export function signedOrderPath(number: string, ring: KeyRing, expires?: number): string {
  return signedPath(orderPath(number), ring, { expires });
}

export function absoluteLink(publicUrl: string, pathWithQuery: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${pathWithQuery}`;
}
