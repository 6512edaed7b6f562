// Orders that are not paid (lib/payments/unpaid.ts, start.ts): they expire when their time to pay
// runs out or are cancelled, give their coupon use back, and can no longer be paid on the page;
// a late bank transfer still counts. And only a paid order is posted (lib/orders/dispatch.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { createCoupon } from '@/lib/coupons/admin';
import { CouponExhausted } from '@/lib/coupons/errors';
import { cancelOrder, expireUnpaidOrders } from '@/lib/payments/unpaid';
import { beginPayment } from '@/lib/payments/start';
import { completeTestPayment, testPaymentPath, testProvider } from '@/lib/payments/providers/test';
import { manualProvider, markPaidByAdmin } from '@/lib/payments/providers/manual';
import { refundOrder } from '@/lib/payments/refund';
import { OrderNotPayable } from '@/lib/payments/errors';
import { TransitionNotAllowed } from '@/lib/order-states/errors';
import { markDispatched } from '@/lib/orders/dispatch';
import { NothingToDispatch } from '@/lib/orders/errors';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder, testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['unpaid-test-key-0123456789abcdefghijklmn'], ORDER_LINK_PURPOSE);
const HOUR = 3_600_000;
const now = new Date('2026-12-06T10:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const origin = 'https://shop.example';
const ctx = testOrderContext({ ring, publicUrl: origin, now, payWithinMs: 2 * HOUR });
const buyer = { email: 'una@example.com', fullName: 'Una Paid', addressLine1: '1 Road', addressLine2: '', city: 'Bath', postalCode: 'BA1 1AA', country: 'GB' };
const DOWNLOAD = [{ slug: 'printable-card-templates', quantity: 1 }];
const CARD_AND_DOWNLOAD = [{ slug: 'pop-up-castle', quantity: 1 }, ...DOWNLOAD];
const change = (hours: number) => ({ actor: 'admin', reason: 'asked by phone', at: at(hours) });
let codes = 0;

describe.each(PROVIDERS_UNDER_TEST)('unpaid orders on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  async function place(lines = DOWNLOAD, terms = {}, placedAt = now) {
    const { number } = await placeOrder(test.db, lines, buyer, { ...ctx, now: placedAt }, terms);
    return test.db.order.findUniqueOrThrow({ where: { number } });
  }
  const reload = (id: number) => test.db.order.findUniqueOrThrow({ where: { id }, include: { licenses: true } });
  const statusOf = async (id: number) => (await reload(id)).status;
  const usedCount = async (code: string) => (await test.db.coupon.findUniqueOrThrow({ where: { code } })).usedCount;
  const expiredCount = () => test.db.order.count({ where: { status: 'expired' } });
  const oneUseCoupon = () => createCoupon(test.db, { code: `ONCE${(codes += 1)}`, kind: 'percent', percentOff: 10, usageLimit: 1, amounts: {} }, now);

  it('expires only the unpaid orders whose time to pay has passed; a paid order never', async () => {
    const overdue = await place();
    const declined = await place();
    await completeTestPayment(test.db, declined.number, 'decline', ctx, at(1));
    const onTime = await place(DOWNLOAD, {}, at(1));
    const paid = await placePaidOrder(test.db, DOWNLOAD, buyer, ctx);
    const paidOrder = await test.db.order.findUniqueOrThrow({ where: { number: paid.number } });
    expect(overdue.payBy).toEqual(at(2));

    // At the moment the time ends, the order may still be paid.
    const before = await expiredCount();
    await expireUnpaidOrders(test.db, at(2));
    expect(await statusOf(overdue.id)).toBe('awaiting_payment');
    const expired = await expireUnpaidOrders(test.db, at(2.5));
    expect(expired).toBe((await expiredCount()) - before);
    expect(expired).toBeGreaterThanOrEqual(2);
    expect(await statusOf(overdue.id)).toBe('expired');
    expect(await statusOf(declined.id)).toBe('expired');
    expect(await statusOf(onTime.id)).toBe('awaiting_payment');
    expect(await statusOf(paidOrder.id)).toBe('paid');
    expect((await reload(paidOrder.id)).licenses.map((license) => license.status)).toEqual(['active']);
    const event = await test.db.orderEvent.findFirstOrThrow({ where: { orderId: overdue.id, toStatus: 'expired' } });
    expect(event).toMatchObject({ fromStatus: 'awaiting_payment', actor: 'system', at: at(2.5) });
    // Running it again, or on another instance at once, expires nothing twice.
    const again = await Promise.all([expireUnpaidOrders(test.db, at(2.5)), expireUnpaidOrders(test.db, at(2.5))]);
    expect(await test.db.orderEvent.count({ where: { orderId: overdue.id, toStatus: 'expired' } })).toBe(1);
    expect(again.every((count) => count >= 0)).toBe(true);
    expect(await statusOf(onTime.id)).toBe('awaiting_payment');
    expect(await statusOf(paidOrder.id)).toBe('paid');
  });

  it('gives the coupon use back when an order expires, so the next buyer may use it', async () => {
    const coupon = await oneUseCoupon();
    const order = await place(DOWNLOAD, { couponCode: coupon.code });
    expect(await usedCount(coupon.code)).toBe(1);
    await expect(place(DOWNLOAD, { couponCode: coupon.code })).rejects.toBeInstanceOf(CouponExhausted);
    await expireUnpaidOrders(test.db, at(3));
    expect(await statusOf(order.id)).toBe('expired');
    expect(await usedCount(coupon.code)).toBe(0);
    await expect(place(DOWNLOAD, { couponCode: coupon.code }, at(3))).resolves.toHaveProperty('couponCode', coupon.code);
    expect(await usedCount(coupon.code)).toBe(1);
  });

  it('refuses to start or complete a payment once the time to pay has passed, and expires the order', async () => {
    const fresh = await place();
    const started = await beginPayment(test.db, testProvider(), fresh.number, { ring, publicUrl: origin, now: at(1) });
    const target = new URL(started.redirectTo);
    expect(`${target.origin}${target.pathname}`).toBe(`${origin}${testPaymentPath(fresh.number)}`);
    expect(target.searchParams.get('signature')).toBeTruthy();
    // A bank transfer has no page of its own: back to the order page, which says how to pay.
    expect((await beginPayment(test.db, manualProvider(), fresh.number, { ring, publicUrl: origin, now: at(1) })).redirectTo).toMatch(new RegExp(`^${origin}/orders/${fresh.number}\\?`));

    const coupon = await oneUseCoupon();
    const late = await place(DOWNLOAD, { couponCode: coupon.code });
    await expect(beginPayment(test.db, testProvider(), late.number, { ring, publicUrl: origin, now: at(3) })).rejects.toBeInstanceOf(OrderNotPayable);
    expect(await statusOf(late.id)).toBe('expired');
    expect(await usedCount(coupon.code)).toBe(0);

    const lateToo = await place();
    await expect(completeTestPayment(test.db, lateToo.number, 'pay', ctx, at(3))).rejects.toBeInstanceOf(OrderNotPayable);
    expect(await reload(lateToo.id)).toMatchObject({ status: 'expired', paidAt: null, licenses: [] });
    await expect(completeTestPayment(test.db, lateToo.number, 'pay', ctx, at(3))).rejects.toBeInstanceOf(OrderNotPayable);
    expect(await test.db.outboxMessage.count({ where: { orderId: lateToo.id } })).toBe(0);
  });

  it('takes the coupon use back again when an expired order is paid late', async () => {
    const coupon = await oneUseCoupon();
    const order = await place(DOWNLOAD, { couponCode: coupon.code });
    await expireUnpaidOrders(test.db, at(3));
    expect(await usedCount(coupon.code)).toBe(0);
    await markPaidByAdmin(test.db, order.number, 'LATE-COUPON', ctx, at(4));
    expect(await usedCount(coupon.code)).toBe(1);
  });

  it('pays on the test page only an order placed for the test provider', async () => {
    const { number } = await placeOrder(test.db, DOWNLOAD, buyer, { ...ctx, provider: 'stripe' });
    await expect(completeTestPayment(test.db, number, 'pay', ctx, now)).rejects.toBeInstanceOf(OrderNotPayable);
    expect(await test.db.order.findUniqueOrThrow({ where: { number }, include: { licenses: true } })).toMatchObject({ status: 'awaiting_payment', licenses: [] });
  });

  it('cancels an unpaid order (coupon given back), never a paid one', async () => {
    const coupon = await oneUseCoupon();
    const unpaid = await place(DOWNLOAD, { couponCode: coupon.code });
    await cancelOrder(test.db, unpaid.id, change(1));
    expect(await statusOf(unpaid.id)).toBe('cancelled');
    expect(await usedCount(coupon.code)).toBe(0);
    expect(await test.db.orderEvent.findFirstOrThrow({ where: { orderId: unpaid.id, toStatus: 'cancelled' } })).toMatchObject({ fromStatus: 'awaiting_payment', actor: 'admin', reason: 'asked by phone' });
    await expect(cancelOrder(test.db, unpaid.id, change(1))).rejects.toBeInstanceOf(TransitionNotAllowed);
    await expect(completeTestPayment(test.db, unpaid.number, 'pay', ctx, at(1))).rejects.toBeInstanceOf(OrderNotPayable);

    const paidCoupon = await oneUseCoupon();
    const { number } = await placePaidOrder(test.db, DOWNLOAD, buyer, ctx, { couponCode: paidCoupon.code });
    const paid = await test.db.order.findUniqueOrThrow({ where: { number } });
    await expect(cancelOrder(test.db, paid.id, change(1))).rejects.toBeInstanceOf(TransitionNotAllowed);
    expect(await reload(paid.id)).toMatchObject({ status: 'paid', licenses: [expect.objectContaining({ status: 'active' })] });
    expect(await usedCount(paidCoupon.code)).toBe(1);
  });

  it('settles a bank transfer that arrives after the order expired: the money was taken', async () => {
    const order = await place(DOWNLOAD, {}, now);
    await expireUnpaidOrders(test.db, at(3));
    expect(await statusOf(order.id)).toBe('expired');
    expect(await markPaidByAdmin(test.db, order.number, 'LATE-TRANSFER-7', ctx, at(4))).toBe('settled');
    expect(await reload(order.id)).toMatchObject({
      status: 'paid', paidAt: at(4), paidCents: order.totalCents, paymentProvider: 'manual', paymentReference: 'LATE-TRANSFER-7',
      licenses: [expect.objectContaining({ status: 'active' })],
    });
    expect(await test.db.outboxMessage.count({ where: { orderId: order.id, kind: 'order-confirmation' } })).toBe(1);
    // Marking it paid again with the same reference (a double click) pays once; another reference is refused.
    expect(await markPaidByAdmin(test.db, order.number, 'LATE-TRANSFER-7', ctx, at(4))).toBe('already-paid');
    expect(await test.db.license.count({ where: { orderId: order.id } })).toBe(1);
    expect(await test.db.outboxMessage.count({ where: { orderId: order.id, kind: 'order-confirmation' } })).toBe(1);
    await expect(markPaidByAdmin(test.db, order.number, 'ANOTHER-TRANSFER', ctx, at(4))).rejects.toBeInstanceOf(OrderNotPayable);
    // A cancelled order is called off: a transfer for it is sent back, not settled.
    const cancelled = await place();
    await cancelOrder(test.db, cancelled.id, change(1));
    await expect(markPaidByAdmin(test.db, cancelled.number, 'REF', ctx, at(1))).rejects.toBeInstanceOf(OrderNotPayable);
    expect(await reload(cancelled.id)).toMatchObject({ status: 'cancelled', licenses: [] });
  });

  describe('dispatch', () => {
    it('refuses to post an unpaid order and changes nothing', async () => {
      const order = await place(CARD_AND_DOWNLOAD);
      await expect(markDispatched(test.db, order.number, { ring, publicUrl: origin, now: at(1) })).rejects.toBeInstanceOf(TransitionNotAllowed);
      expect(await reload(order.id)).toMatchObject({ status: 'awaiting_payment', dispatchedAt: null });
      expect(await test.db.outboxMessage.count({ where: { orderId: order.id } })).toBe(0);
      expect(await test.db.orderEvent.count({ where: { orderId: order.id } })).toBe(1);
    });

    it('posts a paid order with a physical line, once, and records who did it', async () => {
      const { number } = await placePaidOrder(test.db, CARD_AND_DOWNLOAD, buyer, ctx);
      await markDispatched(test.db, number, { ring, publicUrl: origin, now: at(1) });
      const order = await test.db.order.findUniqueOrThrow({ where: { number } });
      expect(order).toMatchObject({ status: 'dispatched', dispatchedAt: at(1) });
      expect(await test.db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, toStatus: 'dispatched' } })).toMatchObject({ fromStatus: 'paid', actor: 'admin', at: at(1) });
      const mails = await test.db.outboxMessage.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } });
      expect(mails.map((mail) => mail.kind)).toEqual(['order-confirmation', 'order-dispatched']);
      // Nothing to post in a digital order, even when paid.
      const digital = await placePaidOrder(test.db, DOWNLOAD, buyer, ctx);
      await expect(markDispatched(test.db, digital.number, { ring, publicUrl: origin, now: at(1) })).rejects.toBeInstanceOf(NothingToDispatch);
    });

    it('posts what is left of a partly refunded order, but not a card that was refunded', async () => {
      const { number } = await placePaidOrder(test.db, CARD_AND_DOWNLOAD, buyer, ctx);
      const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { items: { orderBy: { id: 'asc' } } } });
      const [card, download] = order.items;
      await refundOrder(test.db, testProvider(), { number, lines: [download.id], amountCents: download.lineTotalCents, reason: '', actor: 'admin', requestKey: `dl-${number}` }, ctx, at(1));
      await markDispatched(test.db, number, { ring, publicUrl: origin, now: at(2) });
      expect(await statusOf(order.id)).toBe('dispatched');

      const other = await placePaidOrder(test.db, CARD_AND_DOWNLOAD, buyer, ctx);
      const otherOrder = await test.db.order.findUniqueOrThrow({ where: { number: other.number }, include: { items: { orderBy: { id: 'asc' } } } });
      await refundOrder(test.db, testProvider(), { number: other.number, lines: [otherOrder.items[0].id], amountCents: card.lineTotalCents, reason: '', actor: 'admin', requestKey: `card-${other.number}` }, ctx, at(1));
      await expect(markDispatched(test.db, other.number, { ring, publicUrl: origin, now: at(2) })).rejects.toBeInstanceOf(NothingToDispatch);
      expect(await statusOf(otherOrder.id)).toBe('partially_refunded');
    });
  });
});
