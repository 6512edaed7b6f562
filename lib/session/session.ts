// The shopper's session: the cart and the orders this browser placed (the admin
// has a cookie of its own, lib/admin/session.ts). Sealed by iron-session with a password derived from the key ring.
import type { SessionOptions } from 'iron-session';
import { createHash } from 'node:crypto';
import { deriveKey } from '../signing/key-ring';
import { currencyForCountry, DEFAULT_CURRENCY, type Currency } from '../catalog/currencies';

export const SESSION_TTL_SECONDS = 24 * 60 * 60;
export const MAX_REMEMBERED_ORDERS = 20;
export const SESSION_PURPOSE = 'iron-session';

export interface CartLine {
  slug: string;
  quantity: number;
}

export interface ShopSession {
  cart?: CartLine[];
  /** Order numbers placed (or opened from /account) in this browser, newest last. */
  orders?: string[];
  /** The country the shopper chose: it decides the currency prices are shown and charged in. */
  country?: string;
  /** en | de: from a merchant payload, else the browser's language. */
  locale?: string;
  /** A verified merchant payload waiting at /checkout (the draft itself stays in the database). */
  checkoutDraftId?: string;
  /** The merchant customer signed in by account pre-authentication. */
  accountId?: number;
}

/**
 * Session passwords for iron-session, one per APP_KEYS entry, each under a
 * stable id (a hash of the password), so a cookie stays readable for as long
 * as its key is anywhere in the ring. iron-session seals with the highest id
 * among the map's enumerable keys and unseals with any id the map holds, so
 * only the first (signing) key is enumerable.
 */
export function sessionPasswords(appKeys: readonly string[], purpose = SESSION_PURPOSE): Record<string, string> {
  const passwords: Record<string, string> = {};
  appKeys.forEach((key, index) => {
    const password = deriveKey(key, purpose).toString('hex');
    const id = String(parseInt(createHash('sha256').update(password).digest('hex').slice(0, 12), 16));
    // A repeated key would redefine a non-configurable property and throw on every request.
    if (Object.hasOwn(passwords, id)) return;
    Object.defineProperty(passwords, id, { value: password, enumerable: index === 0 });
  });
  return passwords;
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

export function shopperCurrency(session: ShopSession): Currency {
  return (session.country && currencyForCountry(session.country)) || DEFAULT_CURRENCY;
}
