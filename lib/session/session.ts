// The shopper's session: the cart, the orders this browser placed, and the admin
// flag. Sealed by iron-session with a password derived from the key ring.
import type { SessionOptions } from 'iron-session';
import { deriveKey } from '../signing/key-ring';

export const SESSION_TTL_SECONDS = 24 * 60 * 60;
export const MAX_REMEMBERED_ORDERS = 20;
export const SESSION_PURPOSE = 'iron-session';

export interface CartLine {
  slug: string;
  quantity: number;
}

export interface ShopSession {
  cart?: CartLine[];
  /** Order numbers placed in this browser, newest last. */
  orders?: string[];
  admin?: boolean;
}

/**
 * iron-session seals with the highest password id and unseals by the id in the
 * cookie. Ids count from the end of APP_KEYS, so prepending a new key gives it
 * the highest id and leaves every older key's id unchanged.
 */
export function sessionPasswords(appKeys: readonly string[]): Record<number, string> {
  return Object.fromEntries(
    appKeys.map((key, index) => [appKeys.length - index, deriveKey(key, SESSION_PURPOSE).toString('hex')]),
  );
}

export function sessionOptions(appKeys: readonly string[], secureCookie: boolean): SessionOptions {
  return {
    cookieName: 'shop_session',
    password: sessionPasswords(appKeys),
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: secureCookie, path: '/' },
  };
}

export function rememberOrder(orders: readonly string[] | undefined, number: string): string[] {
  return [...(orders ?? []).filter((n) => n !== number), number].slice(-MAX_REMEMBERED_ORDERS);
}

export function sessionHoldsOrder(session: ShopSession, number: string): boolean {
  return session.orders?.includes(number) ?? false;
}
