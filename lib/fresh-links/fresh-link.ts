// "Email me a fresh link" where an order's link has expired (410): a download token or an order
// claim link. The expired link must be genuine (correctly signed by the shop, for its purpose);
// the fresh link is a new one-time claim link (lib/order-claims), mailed to the order's own
// address and never shown: opened in a browser, it holds the order at the FULL tier there, with
// its downloads. Content links have their own form (lib/content-links/fresh-link.ts: a link
// from another issuer names no order, so it asks for the address).
import type { Db } from '../db/client';
import { TokenExpired } from '../downloads/errors';
import { verifyDownloadToken } from '../downloads/token';
import { claimPath, mailClaimLink, type ClaimableOrder } from '../order-claims/claims';
import { isOrderNumber } from '../order-access/tier';
import { hasCorrectSignature, queryPairs, signatureHasNotExpired, type KeyRing } from '../signing';
import type { RateLimits } from '../rate-limit';
import { FreshLinkRefused } from './errors';

/** The kinds of expired order link a fresh one can replace. */
export const FRESH_LINK_KINDS = ['download', 'claim'] as const;
export type FreshLinkKind = (typeof FRESH_LINK_KINDS)[number];

export interface FreshLinkRings { downloads: KeyRing; claims: KeyRing }

const MAX_LINK_LENGTH = 2048;
const ORDER_SELECT = { id: true, number: true, email: true, language: true } as const;

/** For each kind: the order a genuine, expired link of that kind belongs to, or null. */
const ORDER_OF_EXPIRED: Record<FreshLinkKind, (db: Db, link: string, rings: FreshLinkRings, nowSeconds: number) => Promise<ClaimableOrder | null>> = {
  // A download token: its signature is checked before its expiry, so TokenExpired means genuine.
  async download(db, token, rings, nowSeconds) {
    try {
      verifyDownloadToken(token, rings.downloads, nowSeconds);
      return null; // still valid: nothing to renew
    } catch (error) {
      if (!(error instanceof TokenExpired)) return null;
    }
    const [encoded] = token.split('.');
    const { license_id: licenseId } = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as { license_id: number };
    const license = await db.license.findUnique({ where: { id: licenseId }, select: { order: { select: ORDER_SELECT } } });
    return license?.order ?? null;
  },
  // A claim link: the path and query it was mailed with (/orders/{number}/claim?nonce&expires&signature).
  async claim(db, link, rings, nowSeconds) {
    const url = new URL(link, 'http://link.invalid');
    const number = /^\/orders\/([^/]+)\/claim$/.exec(url.pathname)?.[1] ?? '';
    if (!isOrderNumber(number)) return null;
    const query = queryPairs(url.search);
    if (!hasCorrectSignature(claimPath(number), query, rings.claims) || signatureHasNotExpired(query, nowSeconds)) return null;
    return db.order.findUnique({ where: { number }, select: ORDER_SELECT });
  },
};

export const isFreshLinkKind = (value: unknown): value is FreshLinkKind => FRESH_LINK_KINDS.includes(value as FreshLinkKind);

/** The order a genuine, expired link belongs to; FreshLinkRefused for anything else (so nothing else can trigger a mail). */
export async function orderOfExpiredLink(db: Db, kind: FreshLinkKind, link: string, rings: FreshLinkRings, now: Date): Promise<ClaimableOrder> {
  if (link.length === 0 || link.length > MAX_LINK_LENGTH) throw new FreshLinkRefused('no link, or one too long');
  const order = await ORDER_OF_EXPIRED[kind](db, link, rings, Math.floor(now.getTime() / 1000));
  if (!order) throw new FreshLinkRefused(`not a genuine expired ${kind} link`);
  return order;
}

export interface FreshLinkContext { ring: KeyRing; publicUrl: string; now: Date }

/** Mails the order's owner a fresh one-time link to the order, to the order's address only. */
export function mailFreshLink(db: Db, order: ClaimableOrder, context: FreshLinkContext): Promise<void> {
  return mailClaimLink(db, order, context, 'mailFresh');
}

/** Each order's owner is mailed a fresh link at most `fresh-link-per-order` times per window, whoever asks. */
export function limitFreshLink(limits: Pick<RateLimits, 'consume'>, order: { id: number }): Promise<void> {
  return limits.consume('fresh-link-per-order', `order:${order.id}`);
}
