import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { createCoupon } from '@/lib/coupons/admin';
import { CouponExhausted, CouponExpired, CouponNotInCurrency, CouponUnknown } from '@/lib/coupons/errors';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['coupons-test-key-0123456789abcdefghijkl'], ORDER_LINK_PURPOSE);
const now = new Date('2026-11-24T10:00:00Z');
const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
const customer = { email: 'ada@example.com', fullName: 'Ada Lovelace', addressLine1: '1 Road', addressLine2: '', city: 'Bath', postalCode: 'BA1 1AA', country: 'GB' };
const castle = [{ slug: 'pop-up-castle', quantity: 2 }];
let sequence = 0;
const code = (prefix: string) => `${prefix}${(sequence += 1)}`;

describe.each(PROVIDERS_UNDER_TEST)('coupons on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  const orders = () => test.db.order.count();

  it('takes a percentage off the subtotal, whatever case the shopper types', async () => {
    const coupon = await createCoupon(test.db, { code: code('TENOFF'), kind: 'percent', percentOff: 10, amounts: {} }, now);
    const { number } = await placeOrder(test.db, castle, customer, ctx, { currency: 'GBP', couponCode: ` ${coupon.code.toLowerCase()} ` });
    const order = await test.db.order.findUniqueOrThrow({ where: { number } });
    // 2 × £13.80 = £27.60; 10% = £2.76; shipping £4.20.
    expect(order).toMatchObject({ currency: 'GBP', subtotalCents: 2760, discountCents: 276, shippingCents: 420, totalCents: 2760 - 276 + 420, couponCode: coupon.code });
    expect((await test.db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).usedCount).toBe(1);
  });

  it('takes a fixed amount in the order currency, and refuses a currency it has no amount for', async () => {
    const coupon = await createCoupon(test.db, { code: code('FIVE'), kind: 'fixed', amounts: { EUR: 500, USD: 600 } }, now);
    const { number } = await placeOrder(test.db, castle, customer, ctx, { currency: 'USD', couponCode: coupon.code });
    expect(await test.db.order.findUniqueOrThrow({ where: { number } })).toMatchObject({ currency: 'USD', discountCents: 600 });
    const before = await orders();
    await expect(placeOrder(test.db, castle, customer, ctx, { currency: 'GBP', couponCode: coupon.code })).rejects.toBeInstanceOf(CouponNotInCurrency);
    expect(await orders()).toBe(before);
  });

  it('refuses unknown, expired and used-up coupons and creates nothing', async () => {
    const expired = await createCoupon(test.db, { code: code('OLD'), kind: 'percent', percentOff: 5, expiresAt: new Date(now.getTime() - 1), amounts: {} }, now);
    const once = await createCoupon(test.db, { code: code('ONCE'), kind: 'percent', percentOff: 5, usageLimit: 1, amounts: {} }, now);
    await placeOrder(test.db, castle, customer, ctx, { couponCode: once.code });
    const before = { orders: await orders(), mails: await test.db.outboxMessage.count() };
    await expect(placeOrder(test.db, castle, customer, ctx, { couponCode: 'NOPE' })).rejects.toBeInstanceOf(CouponUnknown);
    await expect(placeOrder(test.db, castle, customer, ctx, { couponCode: expired.code })).rejects.toBeInstanceOf(CouponExpired);
    await expect(placeOrder(test.db, castle, customer, ctx, { couponCode: once.code })).rejects.toBeInstanceOf(CouponExhausted);
    expect({ orders: await orders(), mails: await test.db.outboxMessage.count() }).toEqual(before);
    // The near miss: a coupon expiring one millisecond from now still works.
    const last = await createCoupon(test.db, { code: code('LAST'), kind: 'percent', percentOff: 5, expiresAt: new Date(now.getTime() + 1), amounts: {} }, now);
    await expect(placeOrder(test.db, castle, customer, ctx, { couponCode: last.code })).resolves.toHaveProperty('number');
  });

  it('holds the usage limit when many shoppers check out at the same moment', async () => {
    const limited = await createCoupon(test.db, { code: code('RUSH'), kind: 'percent', percentOff: 20, usageLimit: 3, amounts: {} }, now);
    const before = await orders();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => placeOrder(test.db, castle, customer, ctx, { couponCode: limited.code })));
    const placed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(placed).toHaveLength(3);
    for (const r of refused) expect(r.reason).toBeInstanceOf(CouponExhausted);
    expect(await orders()).toBe(before + 3);
    expect((await test.db.coupon.findUniqueOrThrow({ where: { id: limited.id } })).usedCount).toBe(3);
  });
});
