// Coupons: looked up by code, checked against the clock and the order's currency,
// and redeemed by one conditional UPDATE so a usage limit holds under concurrent checkouts.
import type { Db, Tx } from '../db/client';
import { CouponExhausted, CouponExpired, CouponNotInCurrency, CouponUnknown } from './errors';

export const COUPON_KINDS = ['percent', 'fixed'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

export const normalizeCouponCode = (code: string) => code.trim().toUpperCase();

export interface CouponTerms {
  id: number;
  code: string;
  kind: string;
  percentOff: number | null;
  expiresAt: Date | null;
  usageLimit: number | null;
  usedCount: number;
  active: boolean;
  amounts: { currency: string; amountCents: number }[];
}

/** The discount a usable coupon gives on `subtotalCents`; throws when it cannot be used now, in this currency. */
export function couponDiscount(coupon: CouponTerms, currency: string, subtotalCents: number, now: Date): number {
  if (!coupon.active) throw new CouponUnknown(coupon.code);
  if (coupon.expiresAt && coupon.expiresAt.getTime() <= now.getTime()) throw new CouponExpired(coupon.code);
  if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit) throw new CouponExhausted(coupon.code);
  if (coupon.kind === 'percent') return Math.round((subtotalCents * (coupon.percentOff ?? 0)) / 100);
  const amount = coupon.amounts.find((a) => a.currency === currency);
  if (!amount) throw new CouponNotInCurrency(coupon.code, currency);
  return Math.min(amount.amountCents, subtotalCents);
}

export async function findCoupon(db: Db | Tx, code: string): Promise<CouponTerms> {
  const normalized = normalizeCouponCode(code);
  const coupon = await db.coupon.findUnique({ where: { code: normalized }, include: { amounts: true } });
  if (!coupon) throw new CouponUnknown(normalized);
  return coupon;
}

/** Counts one use, unless the limit was reached meanwhile: the check and the increment are one statement. */
export async function redeemCoupon(tx: Tx, coupon: CouponTerms): Promise<void> {
  const { count } = await tx.coupon.updateMany({
    where: { id: coupon.id, active: true, OR: [{ usageLimit: null }, { usedCount: { lt: tx.coupon.fields.usageLimit } }] },
    data: { usedCount: { increment: 1 } },
  });
  if (count === 0) throw new CouponExhausted(coupon.code);
}

/** An order that was never paid (cancelled, expired) gives its coupon use back. */
export async function releaseCoupon(tx: Pick<Tx, 'coupon'>, code: string | null): Promise<void> {
  if (!code) return;
  await tx.coupon.updateMany({ where: { code, usedCount: { gt: 0 } }, data: { usedCount: { decrement: 1 } } });
}
