import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAdminGeneration, endAllAdminSessions } from '@/lib/admin/generation';
import {
  ADMIN_IDLE_SECONDS, adminCookieName, adminCookieOptions, passwordTag, renewAdminCookie, sealAdminCookie, verifyAdminCookie,
} from '@/lib/admin/session';
import { sessionOptions } from '@/lib/session/session';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

const keys = ['admin-test-key-0123456789abcdefghijklmnop'];
const password = 'the-admin-password-0123456789abcdefghij';
const t0 = 1_800_000_000;

async function loginCookie(generation: number, now = t0, adminPassword = password) {
  return sealAdminCookie(keys, { generation, passwordTag: passwordTag(adminPassword), issuedAt: now, seenAt: now });
}

describe('the admin cookie is its own', () => {
  it('is SameSite=Strict, http-only, __Host- on https, and short-lived; the shopper\'s stays Lax', () => {
    expect(adminCookieOptions(true)).toMatchObject({ sameSite: 'strict', httpOnly: true, secure: true, path: '/', maxAge: ADMIN_IDLE_SECONDS });
    expect(adminCookieName(true)).toBe('__Host-shop_admin');
    expect(adminCookieName(false)).toBe('shop_admin');
    expect(sessionOptions(keys, false).cookieOptions?.sameSite).toBe('lax');
    expect(sessionOptions(keys, false).cookieName).not.toBe(adminCookieName(false));
  });

  it('a shopper session cookie is not an admin cookie', async () => {
    const { sealData } = await import('iron-session');
    const shopperCookie = await sealData({ admin: true, cart: [] }, { password: sessionOptions(keys, false).password });
    expect(await verifyAdminCookie(keys, shopperCookie, { generation: 0, adminPassword: password, nowSeconds: t0 })).toBe(false);
  });

  it('expires after the idle timeout unless renewed, and a renewal keeps it alive', async () => {
    const cookie = await loginCookie(0);
    const current = (now: number) => ({ generation: 0, adminPassword: password, nowSeconds: now });
    expect(await verifyAdminCookie(keys, cookie, current(t0 + ADMIN_IDLE_SECONDS))).toBe(true);
    expect(await verifyAdminCookie(keys, cookie, current(t0 + ADMIN_IDLE_SECONDS + 1))).toBe(false);
    const renewed = await renewAdminCookie(keys, cookie, t0 + ADMIN_IDLE_SECONDS - 10);
    expect(await verifyAdminCookie(keys, renewed!, current(t0 + ADMIN_IDLE_SECONDS + 60))).toBe(true);
    expect(await renewAdminCookie(keys, cookie, t0 + ADMIN_IDLE_SECONDS + 1)).toBeNull();
  });

  it('a password change refuses every cookie issued under the old password', async () => {
    const cookie = await loginCookie(0);
    expect(await verifyAdminCookie(keys, cookie, { generation: 0, adminPassword: `${password}!`, nowSeconds: t0 })).toBe(false);
  });
});

describe.each(PROVIDERS_UNDER_TEST)('logout ends every admin session (%s)', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider, { seed: false }); });
  afterAll(async () => test?.close());

  it('a copied cookie replayed after logout is refused, and a new login works again', async () => {
    const generation = await currentAdminGeneration(test.db);
    const copied = await loginCookie(generation);
    const otherDevice = await loginCookie(generation);
    const now = async () => ({ generation: await currentAdminGeneration(test.db), adminPassword: password, nowSeconds: t0 + 5 });
    expect(await verifyAdminCookie(keys, copied, await now())).toBe(true);

    await endAllAdminSessions(test.db);
    expect(await verifyAdminCookie(keys, copied, await now())).toBe(false);
    expect(await verifyAdminCookie(keys, otherDevice, await now())).toBe(false);
    // Renewing does not resurrect it: the generation inside stays the old one.
    expect(await verifyAdminCookie(keys, (await renewAdminCookie(keys, copied, t0 + 6))!, await now())).toBe(false);

    const fresh = await loginCookie(await currentAdminGeneration(test.db));
    expect(await verifyAdminCookie(keys, fresh, await now())).toBe(true);
    await endAllAdminSessions(test.db);
    expect(await verifyAdminCookie(keys, fresh, await now())).toBe(false);
  });
});
