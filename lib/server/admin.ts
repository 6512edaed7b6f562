// Next.js adapter for the admin's cookie: read it, start it at login, end every one at logout.
import 'server-only';
import { cookies } from 'next/headers';
import { currentAdminGeneration, endAllAdminSessions } from '../admin/generation';
import { adminCookieName, adminCookieOptions, passwordTag, sealAdminCookie, verifyAdminCookie } from '../admin/session';
import { db, shop } from './shop';

const secure = () => shop().secure;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function isAdmin(): Promise<boolean> {
  const cookie = (await cookies()).get(adminCookieName(secure()))?.value;
  if (!cookie) return false;
  const { appKeys, adminPassword } = shop().settings;
  return verifyAdminCookie(appKeys, cookie, { generation: await currentAdminGeneration(db()), adminPassword, nowSeconds: nowSeconds() });
}

export async function startAdminSession(): Promise<void> {
  const { appKeys, adminPassword } = shop().settings;
  const now = nowSeconds();
  const sealed = await sealAdminCookie(appKeys, {
    generation: await currentAdminGeneration(db()), passwordTag: passwordTag(adminPassword), issuedAt: now, seenAt: now,
  });
  (await cookies()).set(adminCookieName(secure()), sealed, adminCookieOptions(secure()));
}

/** Logout ends the admin's sessions everywhere: a copied cookie is worthless afterwards. */
export async function endAdminSessions(): Promise<void> {
  await endAllAdminSessions(db());
  (await cookies()).delete({ name: adminCookieName(secure()), path: '/', secure: secure() });
}
