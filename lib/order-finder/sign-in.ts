// "Find my orders": a buyer types an address; when orders were placed with it, the shop mails a
// sign-in link (docs/specs/order-finder-links.md: 15 minutes, one use, signed with its own
// purpose, nonce kept hashed). Spending it (a POST, never the GET a mail scanner makes) returns
// every order of that address, for the caller to hold in the browser's session.
// Whether the address has orders is never shown: the caller answers the same either way.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { enqueueMail } from '../mail/outbox';
import { translatorFor } from '../i18n/messages';
import { absoluteLink } from '../order-access/links';
import { deriveKeyRing, signedPath, verifySignedPath, type KeyRing, type QueryPairs } from '../signing';
import type { RateLimits } from '../rate-limit';
import { emailKey } from './email';
import { SignInLinkInvalid } from './errors';
import { mailAddressOf, orderNumbersOfEmail } from './orders';

export const ORDER_FINDER_PURPOSE = 'signed-url:order-finder';
export const SIGN_IN_TTL_SECONDS = 15 * 60;
export const SIGN_IN_PATH = '/my-orders/sign-in';
export const FINDER_MAIL_KIND = 'order-finder';
const NONCE_PARAM = 'nonce';

export const orderFinderRing = (appKeys: readonly string[]): KeyRing => deriveKeyRing(appKeys, ORDER_FINDER_PURPOSE);
const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

export interface FinderContext { ring: KeyRing; publicUrl: string; now: Date; /** The language the buyer asked in: the mail's. */ locale: string }

/** The signed path of a sign-in link (pure: the nonce and clock come in). */
export function signInPath(nonce: string, ring: KeyRing, expires: number): string {
  return signedPath(SIGN_IN_PATH, ring, { expires, query: [[NONCE_PARAM, nonce]] });
}

/** Mails a sign-in link when orders were placed with `email`; otherwise does nothing. Says neither. */
export async function requestSignInLink(db: Db, email: string, context: FinderContext): Promise<void> {
  const key = emailKey(email);
  const numbers = await orderNumbersOfEmail(db, key);
  const address = await mailAddressOf(db, numbers);
  if (!address) return;
  const nonce = randomBytes(24).toString('base64url');
  const expires = Math.floor(context.now.getTime() / 1000) + SIGN_IN_TTL_SECONDS;
  const link = absoluteLink(context.publicUrl, signInPath(nonce, context.ring, expires));
  const t = translatorFor(context.locale, 'Finder');
  await db.$transaction(async (tx) => {
    await tx.orderFinderLink.create({
      data: { emailKey: key, nonceHash: hashNonce(nonce), createdAt: context.now, expiresAt: new Date(expires * 1000) },
    });
    await enqueueMail(tx, {
      kind: FINDER_MAIL_KIND, recipient: address.email.trim(),
      subject: t('mailSubject'),
      text: [t('mailAsked', { count: numbers.length }), '', t('mailOpen'), link, '', t('mailIgnore')].join('\n'),
    }, context.now);
  });
}

/**
 * Spends a sign-in link: correctly signed, not expired, not used before (one conditional
 * UPDATE, so two presses at once cannot both spend it). Returns the address's order numbers, oldest first.
 */
export async function redeemSignInLink(db: Db, query: QueryPairs, ring: KeyRing, now: Date): Promise<string[]> {
  try {
    verifySignedPath(SIGN_IN_PATH, query, ring, Math.floor(now.getTime() / 1000));
  } catch (error) {
    throw new SignInLinkInvalid(`the sign-in link does not verify: ${(error as Error).message}`);
  }
  const nonceHash = hashNonce(query.find(([name]) => name === NONCE_PARAM)?.[1] ?? '');
  const spent = await db.orderFinderLink.updateMany({ where: { nonceHash, usedAt: null, expiresAt: { gte: now } }, data: { usedAt: now } });
  if (spent.count !== 1) throw new SignInLinkInvalid('the sign-in link was used before');
  const link = await db.orderFinderLink.findUnique({ where: { nonceHash }, select: { emailKey: true } });
  return orderNumbersOfEmail(db, link!.emailKey);
}

/** A request spends a point per client address and per address typed (case and spaces aside); RATE_LIMITED when either is out. */
export async function limitSignInRequest(limits: Pick<RateLimits, 'consume'>, client: string, email: string): Promise<void> {
  await limits.consume('find-orders-per-ip', client);
  await limits.consume('find-orders-per-email', emailKey(email));
}
