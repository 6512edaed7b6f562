// Nothing before paid: a placed order waits for its money with no licence, no reading grant, no
// confirmation and no download token; paying grants everything once (lib/payments/settle.ts).
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { resolveOrderPage } from '@/lib/orders/order-page';
import { issueDownloadToken } from '@/lib/downloads/issue-token';
import { downloadTokenRing } from '@/lib/downloads/token';
import { LicenseNotFound } from '@/lib/downloads/errors';
import { grantsOfOrder } from '@/lib/content/grants';
import { linksForGrants } from '@/lib/content-links/issue';
import { createCoupon } from '@/lib/coupons/admin';
import { completeTestPayment } from '@/lib/payments/providers/test';
import { markPaidByAdmin } from '@/lib/payments/providers/manual';
import { settleOrder, type SettledPayment } from '@/lib/payments/settle';
import { OrderNotPayable, PaymentMismatch } from '@/lib/payments/errors';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder, testOrderContext } from '../support/orders';

const keys = ['pay-first-test-key-0123456789abcdefghijk'];
const ring = deriveKeyRing(keys, ORDER_LINK_PURPOSE);
const rings = { orders: ring, downloads: downloadTokenRing(keys) };
const now = new Date('2026-12-06T10:00:00Z');
const paidAt = new Date(now.getTime() + 60_000);
const origin = 'https://shop.example';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = { publicOrigin: origin, key: { kid: 'pay-first-kid', privateKey } };
const ctx = testOrderContext({ ring, publicUrl: origin, now, contentSigner: signer });
const buyer = { email: 'pat@example.com', fullName: 'Pat Payer', addressLine1: '1 Road', addressLine2: '', city: 'Bath', postalCode: 'BA1 1AA', country: 'GB' };
/** A download, an article and a pass: every kind that grants something. */
const DIGITAL = ['printable-card-templates', 'article-how-pop-ups-work', 'studio-pass'].map((slug) => ({ slug, quantity: 1 }));

describe.each(PROVIDERS_UNDER_TEST)('paying before anything is granted on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  /** Everything an order gave its buyer, counted. */
  async function granted(number: string) {
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { licenses: true, accessGrants: true } });
    const mails = await test.db.outboxMessage.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } });
    return {
      status: order.status, licenses: order.licenses.length, grants: order.accessGrants.length,
      confirmations: mails.filter((mail) => mail.kind === 'order-confirmation').length, mails: mails.map((mail) => mail.kind),
    };
  }
  const place = () => placeOrder(test.db, DIGITAL, buyer, ctx);

  it('places an order awaiting payment that grants nothing: no licence, grant, confirmation, token or reading link', async () => {
    const placed = await place();
    expect(placed.paid).toBe(false);
    expect(await granted(placed.number)).toEqual({ status: 'awaiting_payment', licenses: 0, grants: 0, confirmations: 0, mails: [] });
    const order = await test.db.order.findUniqueOrThrow({ where: { number: placed.number } });
    expect(order).toMatchObject({ paymentProvider: 'test', paidAt: null, paidCents: 0, paymentReference: null, payBy: new Date(now.getTime() + ctx.payWithinMs) });

    const query = queryPairs(placed.signedPath.split('?')[1]);
    const view = await resolveOrderPage(test.db, { number: placed.number, query, sessionOrders: [placed.number], nowSeconds: now.getTime() / 1000 }, ring);
    expect(view).toMatchObject({ tier: 'FULL', status: 'awaiting_payment', downloads: [], payment: { payable: true } });
    expect(linksForGrants(await grantsOfOrder(test.db, { id: order.id }), signer, now)).toEqual([]);
    // Whatever licence id the buyer guesses (the next one, or the one paying will create), no token.
    const latest = await test.db.license.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    for (const licenseId of [1, (latest?.id ?? 0) + 1]) {
      await expect(issueDownloadToken(test.db, {
        orderNumber: placed.number, orderLinkQuery: query, sessionOrders: [placed.number], licenseId, productSlug: 'printable-card-templates',
      }, rings, now)).rejects.toBeInstanceOf(LicenseNotFound);
    }

    await completeTestPayment(test.db, placed.number, 'pay', ctx, paidAt);
    expect(await granted(placed.number)).toEqual({ status: 'paid', licenses: 1, grants: 2, confirmations: 1, mails: ['order-confirmation'] });
    const paid = await test.db.order.findUniqueOrThrow({ where: { number: placed.number }, include: { licenses: true } });
    expect(paid).toMatchObject({ paidAt, paidCents: paid.totalCents, paymentProvider: 'test' });
    expect(paid.paymentReference).toMatch(/^test_payment_/);
    await expect(issueDownloadToken(test.db, {
      orderNumber: placed.number, orderLinkQuery: query, sessionOrders: [placed.number], licenseId: paid.licenses[0].id, productSlug: 'printable-card-templates',
    }, rings, paidAt)).resolves.toHaveProperty('token');
    expect(linksForGrants(await grantsOfOrder(test.db, { id: paid.id }), signer, paidAt)).toHaveLength(2);
    // The confirmation carries the order link and the reading links made at payment.
    const [confirmation] = await test.db.outboxMessage.findMany({ where: { orderId: paid.id } });
    expect(confirmation.text).toContain(`${origin}${placed.signedPath}`);
    expect(confirmation.text).toContain(`${origin}/articles/`);
    // Paid is paid: the test page cannot be used a second time.
    await expect(completeTestPayment(test.db, placed.number, 'pay', ctx, paidAt)).rejects.toBeInstanceOf(OrderNotPayable);
    expect(await granted(placed.number)).toMatchObject({ licenses: 1, grants: 2, confirmations: 1 });
  });

  it('a declined payment grants nothing and leaves the order payable; paying after it works', async () => {
    const { number } = await place();
    await completeTestPayment(test.db, number, 'decline', ctx, paidAt);
    expect(await granted(number)).toEqual({ status: 'payment_failed', licenses: 0, grants: 0, confirmations: 0, mails: [] });
    await completeTestPayment(test.db, number, 'decline', ctx, paidAt);
    expect(await granted(number)).toMatchObject({ status: 'payment_failed', licenses: 0, grants: 0 });
    await completeTestPayment(test.db, number, 'pay', ctx, paidAt);
    expect(await granted(number)).toEqual({ status: 'paid', licenses: 1, grants: 2, confirmations: 1, mails: ['order-confirmation'] });
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(order.events.map((event) => [event.fromStatus, event.toStatus, event.actor])).toEqual([
      [null, 'awaiting_payment', 'shopper'], ['awaiting_payment', 'payment_failed', 'test'],
      ['payment_failed', 'payment_failed', 'test'], ['payment_failed', 'paid', 'test'],
    ]);
    await expect(completeTestPayment(test.db, 'no-such-order', 'pay', ctx, paidAt)).rejects.toBeInstanceOf(OrderNotPayable);
  });

  it('pays a zero total at once, with provider free: a 100% coupon', async () => {
    const coupon = await createCoupon(test.db, { code: 'ALLFREE', kind: 'percent', percentOff: 100, amounts: {} }, now);
    const placed = await placeOrder(test.db, DIGITAL, buyer, ctx, { couponCode: coupon.code });
    expect(placed.paid).toBe(true);
    expect(await granted(placed.number)).toEqual({ status: 'paid', licenses: 1, grants: 2, confirmations: 1, mails: ['order-confirmation'] });
    const order = await test.db.order.findUniqueOrThrow({ where: { number: placed.number }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(order).toMatchObject({ totalCents: 0, paidCents: 0, paidAt: now, paymentProvider: 'free', paymentReference: null });
    expect(order.events.map((event) => [event.fromStatus, event.toStatus, event.actor])).toEqual([[null, 'awaiting_payment', 'shopper'], ['awaiting_payment', 'paid', 'system']]);
    await expect(completeTestPayment(test.db, placed.number, 'pay', ctx, paidAt)).rejects.toBeInstanceOf(OrderNotPayable);
  });

  it('by bank transfer: the order waits with payment instructions, and an admin\'s "Mark paid" grants it', async () => {
    const { number, paid } = await placeOrder(test.db, DIGITAL, buyer, { ...ctx, provider: 'manual' });
    expect(paid).toBe(false);
    expect(await granted(number)).toEqual({ status: 'awaiting_payment', licenses: 0, grants: 0, confirmations: 0, mails: ['order-awaiting-payment'] });
    expect(await markPaidByAdmin(test.db, number, 'BANK-REF-1', ctx, paidAt)).toBe('settled');
    expect(await granted(number)).toEqual({ status: 'paid', licenses: 1, grants: 2, confirmations: 1, mails: ['order-awaiting-payment', 'order-confirmation'] });
    expect(await test.db.order.findUniqueOrThrow({ where: { number } })).toMatchObject({ paymentProvider: 'manual', paymentReference: 'BANK-REF-1', paidAt });
  });

  describe('settleOrder', () => {
    async function awaiting() {
      const { number } = await place();
      return test.db.order.findUniqueOrThrow({ where: { number } });
    }
    const settle = (orderId: number, payment: SettledPayment) => test.db.$transaction((tx) => settleOrder(tx, orderId, payment, ctx, paidAt));
    const payment = (order: { totalCents: number; currency: string }, reference = 'pi_123'): SettledPayment => ({
      provider: 'stripe', reference, amountCents: order.totalCents, currency: order.currency, actor: 'stripe', reason: 'checkout.session.completed',
    });

    it('settles the same provider and reference once: a repeat is already-paid and grants or mails nothing again', async () => {
      const order = await awaiting();
      expect(await settle(order.id, payment(order))).toBe('settled');
      const once = await granted(order.number);
      expect(once).toEqual({ status: 'paid', licenses: 1, grants: 2, confirmations: 1, mails: ['order-confirmation'] });
      expect(await settle(order.id, payment(order))).toBe('already-paid');
      // The currency as the provider spells it (lower case) is the same payment.
      expect(await settle(order.id, { ...payment(order), currency: order.currency.toLowerCase() })).toBe('already-paid');
      expect(await granted(order.number)).toEqual(once);
      expect(await test.db.orderEvent.count({ where: { orderId: order.id, toStatus: 'paid' } })).toBe(1);
      // Another payment for a paid order is not a repeat: it is refused, and changes nothing.
      await expect(settle(order.id, payment(order, 'pi_other'))).rejects.toThrow();
      expect(await granted(order.number)).toEqual(once);
    });

    it('refuses a wrong amount or currency with PaymentMismatch and changes nothing', async () => {
      const order = await awaiting();
      const wrong: SettledPayment[] = [
        { ...payment(order), amountCents: order.totalCents - 1 },
        { ...payment(order), amountCents: order.totalCents + 1 },
        { ...payment(order), amountCents: 0 },
        { ...payment(order), currency: order.currency === 'EUR' ? 'USD' : 'EUR' },
      ];
      for (const attempt of wrong) await expect(settle(order.id, attempt)).rejects.toBeInstanceOf(PaymentMismatch);
      expect(await granted(order.number)).toEqual({ status: 'awaiting_payment', licenses: 0, grants: 0, confirmations: 0, mails: [] });
      expect(await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ paidAt: null, paidCents: 0, paymentReference: null, paymentProvider: 'test' });
      expect(await test.db.orderEvent.count({ where: { orderId: order.id } })).toBe(1);
      // The near miss: the right amount and currency settles.
      expect(await settle(order.id, payment(order))).toBe('settled');
    });
  });

  it('the shared helper places and pays in one step', async () => {
    const { number, paid } = await placePaidOrder(test.db, DIGITAL, buyer, ctx);
    expect(paid).toBe(true);
    expect(await granted(number)).toEqual({ status: 'paid', licenses: 1, grants: 2, confirmations: 1, mails: ['order-confirmation'] });
  });
});
