// The admin's own cookie, apart from the shopper's: SameSite=Strict, `__Host-` on
// https, a short idle timeout, and claims that die with a logout (the generation
// stored in the database moves on) or a password change (the password's tag differs).
import { createHash } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { sessionPasswords } from '../session/session';

export const ADMIN_SESSION_PURPOSE = 'admin-session';
/** An admin page or action not used for this long needs the password again. */
export const ADMIN_IDLE_SECONDS = 30 * 60;
/** However active, an admin cookie lasts at most this long. */
export const ADMIN_MAX_SECONDS = 12 * 60 * 60;

export interface AdminClaims { generation: number; passwordTag: string; issuedAt: number; seenAt: number }

export interface AdminCurrent { generation: number; adminPassword: string; nowSeconds: number }

export const adminCookieName = (secure: boolean) => (secure ? '__Host-shop_admin' : 'shop_admin');

export function adminCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict' as const, secure, path: '/', maxAge: ADMIN_IDLE_SECONDS };
}

/** Names the password without revealing it (the cookie is sealed besides): a new password, a new tag. */
export function passwordTag(password: string): string {
  return createHash('sha256').update(`admin-password\n${password}`).digest('base64url').slice(0, 22);
}

const passwordsFor = (appKeys: readonly string[]) => sessionPasswords(appKeys, ADMIN_SESSION_PURPOSE);

export function sealAdminCookie(appKeys: readonly string[], claims: AdminClaims): Promise<string> {
  return sealData(claims, { password: passwordsFor(appKeys), ttl: ADMIN_MAX_SECONDS });
}

async function unsealClaims(appKeys: readonly string[], cookie: string | undefined): Promise<AdminClaims | null> {
  if (!cookie) return null;
  try {
    const claims = await unsealData<Partial<AdminClaims>>(cookie, { password: passwordsFor(appKeys), ttl: ADMIN_MAX_SECONDS });
    const complete = typeof claims.generation === 'number' && typeof claims.passwordTag === 'string'
      && typeof claims.issuedAt === 'number' && typeof claims.seenAt === 'number';
    return complete ? (claims as AdminClaims) : null;
  } catch {
    return null;
  }
}

const fresh = (claims: AdminClaims, nowSeconds: number) =>
  claims.seenAt + ADMIN_IDLE_SECONDS >= nowSeconds && claims.issuedAt + ADMIN_MAX_SECONDS >= nowSeconds;

/** Whether this cookie is an admin's now: sealed by us, not idle too long, same generation and password. */
export async function verifyAdminCookie(appKeys: readonly string[], cookie: string | undefined, current: AdminCurrent): Promise<boolean> {
  const claims = await unsealClaims(appKeys, cookie);
  return claims !== null && fresh(claims, current.nowSeconds)
    && claims.generation === current.generation && claims.passwordTag === passwordTag(current.adminPassword);
}

/** The same claims seen now (sliding idle timeout); null when the cookie is not worth renewing. */
export async function renewAdminCookie(appKeys: readonly string[], cookie: string | undefined, nowSeconds: number): Promise<string | null> {
  const claims = await unsealClaims(appKeys, cookie);
  if (!claims || !fresh(claims, nowSeconds)) return null;
  return sealAdminCookie(appKeys, { ...claims, seenAt: nowSeconds });
}
