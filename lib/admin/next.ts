// Next.js adapter for the admin's cookie: read it, start it at login, end every one at logout.
import 'server-only';
import { cookies } from 'next/headers';
import { config } from '../config';
import { db } from '../db/client';
import { currentAdminGeneration, endAllAdminSessions } from './generation';
import { adminCookieName, adminCookieOptions, passwordTag, sealAdminCookie, verifyAdminCookie } from './session';

const secure = () => config().publicUrl.startsWith('https:');
const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function isAdmin(): Promise<boolean> {
  const cookie = (await cookies()).get(adminCookieName(secure()))?.value;
  if (!cookie) return false;
  const { appKeys, adminPassword } = config();
  return verifyAdminCookie(appKeys, cookie, { generation: await currentAdminGeneration(db()), adminPassword, nowSeconds: nowSeconds() });
}

export async function startAdminSession(): Promise<void> {
  const { appKeys, adminPassword } = config();
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
