// Coupons as the admin defines them: the form's input, and creating one.
import { z } from 'zod';
import type { Db } from '../db/client';
import { CURRENCIES, type Currency } from '../catalog/currencies';
import { normalizeCouponCode } from './coupons';
import { centsOf } from '../money';
import { ShopError } from '../errors';
import { reason } from '../forms';

export interface NewCoupon {
  code: string;
  kind: 'percent' | 'fixed';
  percentOff?: number;
  /** Fixed coupons: the amount per currency, in minor units; a currency left out cannot use the coupon. */
  amounts: Partial<Record<Currency, number>>;
  expiresAt?: Date;
  usageLimit?: number;
}

export class DuplicateCouponCode extends ShopError {
  readonly code = 'DUPLICATE_COUPON_CODE';
  constructor(couponCode: string) { super(`coupon ${couponCode} exists`, { params: { coupon: couponCode } }); }
}

const money = z.string().transform((v, ctx) => centsOf(v) ?? (ctx.addIssue({ code: 'custom', message: reason('amountInvalid') }), z.NEVER));
const optionalInt = (min: number, max: number) => z.string().trim().transform((v, ctx) => {
  if (v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    ctx.addIssue({ code: 'custom', message: reason('wholeNumberRange'), params: { min, max } });
    return z.NEVER;
  }
  return n;
});

/** The admin form, all strings: amounts in major units (EUR "4.50"), expiry as a date (the coupon ends at its start, UTC). */
export const couponFormSchema = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{3,32}$/, reason('couponCodeInvalid')).transform(normalizeCouponCode),
  kind: z.enum(['percent', 'fixed'], { error: reason('couponKindMissing') }),
  percentOff: optionalInt(1, 100),
  EUR: z.string().trim(), GBP: z.string().trim(), USD: z.string().trim(),
  expiresOn: z.string().trim().refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), reason('dateInvalid')),
  usageLimit: optionalInt(1, 1_000_000),
}).transform((form, ctx): NewCoupon => {
  const amounts: Partial<Record<Currency, number>> = {};
  for (const currency of CURRENCIES) {
    if (form[currency] === '') continue;
    const parsed = money.safeParse(form[currency]);
    if (!parsed.success || parsed.data <= 0) ctx.addIssue({ code: 'custom', path: [currency], message: reason('amountInvalid'), params: { currency } });
    else amounts[currency] = parsed.data;
  }
  if (form.kind === 'percent' && form.percentOff === undefined) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: reason('percentOffMissing') });
  if (form.kind === 'fixed' && Object.keys(amounts).length === 0) ctx.addIssue({ code: 'custom', path: ['EUR'], message: reason('amountMissing') });
  return {
    code: form.code, kind: form.kind, percentOff: form.kind === 'percent' ? form.percentOff : undefined,
    amounts: form.kind === 'fixed' ? amounts : {},
    expiresAt: form.expiresOn ? new Date(`${form.expiresOn}T00:00:00Z`) : undefined, usageLimit: form.usageLimit,
  };
});

export const COUPON_FORM_FIELDS = ['code', 'kind', 'percentOff', 'EUR', 'GBP', 'USD', 'expiresOn', 'usageLimit'] as const;

export async function createCoupon(db: Db, coupon: NewCoupon, now: Date) {
  const code = normalizeCouponCode(coupon.code);
  if (await db.coupon.findUnique({ where: { code } })) throw new DuplicateCouponCode(code);
  return db.coupon.create({
    data: {
      code, kind: coupon.kind, percentOff: coupon.percentOff ?? null, expiresAt: coupon.expiresAt ?? null,
      usageLimit: coupon.usageLimit ?? null, createdAt: now,
      amounts: { create: Object.entries(coupon.amounts).map(([currency, amountCents]) => ({ currency, amountCents })) },
    },
  });
}

export function listCoupons(db: Db) {
  return db.coupon.findMany({ orderBy: { createdAt: 'desc' }, include: { amounts: { orderBy: { currency: 'asc' } } } });
}

export function setCouponActive(db: Db, id: number, active: boolean) {
  return db.coupon.updateMany({ where: { id }, data: { active } });
}
