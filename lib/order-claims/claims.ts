// "Is this your order?": a shopper in a new browser types the order's email; if it
// matches, the shop mails a one-time link (15 minutes, signed with its own purpose)
// that adds the order to that browser's session. Whether the email matched is never
// shown: the caller answers the same either way.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { enqueueMail } from '../mail/outbox';
import { translatorFor } from '../i18n/messages';
import { absoluteLink } from '../order-access/links';
import { isOrderNumber } from '../order-access/tier';
import { deriveKeyRing, signedPath, verifySignedPath, type KeyRing, type QueryPairs } from '../signing';
import { ClaimLinkInvalid } from './errors';

export const ORDER_CLAIM_PURPOSE = 'signed-url:order-claim';
export const CLAIM_TTL_SECONDS = 15 * 60;
const NONCE_PARAM = 'nonce';

export const orderClaimRing = (appKeys: readonly string[]): KeyRing => deriveKeyRing(appKeys, ORDER_CLAIM_PURPOSE);
export const claimPath = (number: string) => `/orders/${number}/claim`;
const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

/** Emails are compared as people type them: case and surrounding spaces do not matter. */
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface ClaimContext { ring: KeyRing; publicUrl: string; now: Date }

/** Mails a claim link when `email` is the order's; otherwise does nothing. Says neither. */
export async function requestOrderClaim(db: Db, number: string, email: string, context: ClaimContext): Promise<void> {
  if (!isOrderNumber(number) || email.length > 320) return;
  const order = await db.order.findUnique({ where: { number }, select: { id: true, number: true, email: true, language: true } });
  if (!order || !sameEmail(order.email, email)) return;
  await mailClaimLink(db, order, context, 'mailAsked');
}

export interface ClaimableOrder { id: number; number: string; email: string; language: string }

/**
 * A new one-time claim link for `order`, mailed to the order's own address, never anyone else's.
 * `intro` says why: someone asked on the order page, or asked for a fresh link (lib/fresh-links).
 */
export async function mailClaimLink(db: Db, order: ClaimableOrder, context: ClaimContext, intro: 'mailAsked' | 'mailFresh'): Promise<void> {
  const { number } = order;
  const nonce = randomBytes(24).toString('base64url');
  // In the order's language, like its other emails.
  const t = translatorFor(order.language, 'Claim');
  const expires = Math.floor(context.now.getTime() / 1000) + CLAIM_TTL_SECONDS;
  const link = absoluteLink(context.publicUrl, signedPath(claimPath(number), context.ring, { expires, query: [[NONCE_PARAM, nonce]] }));
  await db.$transaction(async (tx) => {
    await tx.orderClaim.create({
      data: { orderId: order.id, nonceHash: hashNonce(nonce), createdAt: context.now, expiresAt: new Date(expires * 1000) },
    });
    await enqueueMail(tx, {
      kind: CLAIM_MAIL_KIND[intro], orderId: order.id, recipient: order.email,
      subject: t('mailSubject', { number }),
      text: [t(intro), '', t('mailOpen'), link, '', t('mailIgnore')].join('\n'),
    }, context.now);
  });
}

/** The outbox kind of each claim mail: a fresh link is counted against its order's limit (lib/fresh-links). */
export const CLAIM_MAIL_KIND = { mailAsked: 'order-claim', mailFresh: 'order-fresh-link' } as const;

/** Spends a claim link: valid signature, not expired, not used before. Returns the order number. */
export async function redeemOrderClaim(db: Db, number: string, query: QueryPairs, ring: KeyRing, now: Date): Promise<string> {
  if (!isOrderNumber(number)) throw new ClaimLinkInvalid('not an order number');
  try {
    verifySignedPath(claimPath(number), query, ring, Math.floor(now.getTime() / 1000));
  } catch (error) {
    throw new ClaimLinkInvalid(`the claim link does not verify: ${(error as Error).message}`);
  }
  const nonce = query.find(([name]) => name === NONCE_PARAM)?.[1] ?? '';
  const order = await db.order.findUnique({ where: { number }, select: { id: true } });
  // One conditional UPDATE: two clicks at once cannot both spend it.
  const spent = await db.orderClaim.updateMany({
    where: { nonceHash: hashNonce(nonce), orderId: order?.id ?? -1, usedAt: null, expiresAt: { gte: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) throw new ClaimLinkInvalid('the claim link was used before');
  return number;
}
