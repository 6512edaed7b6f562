// The Stripe Checkout provider against a local server answering as Stripe's API does: the
// session it opens for an order (lines, shipping, coupon, expiry, language), a double click
// paying once, and every way Stripe can fail (timeout, 500, refusal, a total that does not
// match) leaving the order as it was. Refunds through the Refunds API, once per request key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE, absoluteLink, signedOrderPath } from '@/lib/order-access/links';
import { thanksOrderPath } from '@/lib/orders/first-view';
import { createCoupon } from '@/lib/coupons/admin';
import { beginPayment } from '@/lib/payments/start';
import { refundOrder } from '@/lib/payments/refund';
import { OrderNotPayable, PaymentMismatch, ProviderRefused, ProviderUnavailable, RefundTooLarge } from '@/lib/payments/errors';
import { sessionExpiry, stripeProvider } from '@/lib/payments/providers/stripe';
import type { PaymentOrder } from '@/lib/payments/provider';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { startStripeApi, stripeShop, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, type StripeApi } from '../support/stripe-api';

const ring = deriveKeyRing(['stripe-provider-test-key-0123456789abcdef'], ORDER_LINK_PURPOSE);
const publicUrl = 'https://shop.example';
const now = new Date('2026-12-01T10:03:00Z');
const HOUR = 3_600_000;
const TIMEOUT_MS = 300;

let api: StripeApi;
beforeAll(async () => { api = await startStripeApi(STRIPE_SECRET_KEY); });
afterAll(async () => { await api?.close(); });
beforeEach(() => { api.mode = 'normal'; });

const providerAt = (at: Date, secretKey = STRIPE_SECRET_KEY) =>
  stripeProvider({ secretKey, webhookSecret: STRIPE_WEBHOOK_SECRET, apiUrl: api.url }, { now: () => at, timeoutMs: TIMEOUT_MS });
const requestsTo = (path: string, since: number) => api.requests.slice(since).filter((request) => request.path === path);

describe('the session expiry', () => {
  const window = Date.parse('2026-12-01T10:00:00Z');
  it('is the time to pay, within what Stripe accepts (30 minutes to 24 hours after the attempt)', () => {
    const payBy = new Date(window + 5 * HOUR);
    expect(sessionExpiry(payBy, window)).toBe(payBy.getTime() / 1000);
    // Any moment of the 10-minute attempt window is at least 30 minutes before a near payBy…
    expect(sessionExpiry(new Date(window + 60_000), window) * 1000 - (window + 10 * 60_000)).toBeGreaterThanOrEqual(30 * 60_000);
    // …and a distant one is cut to 24 hours from the window's start.
    expect(sessionExpiry(new Date(window + 48 * HOUR), window) * 1000).toBeLessThanOrEqual(window + 24 * HOUR);
  });
});

describe('a PaymentOrder whose parts do not add up to its total', () => {
  it('is refused before anything is sent to Stripe', async () => {
    const order: PaymentOrder = {
      number: '12345678', currency: 'EUR', totalCents: 1000, shippingCents: 300, discountCents: 0, couponCode: null, email: 'a@example.com', language: 'en',
      items: [{ productName: 'Castle', quantity: 2, unitPriceCents: 400 }],
    };
    const before = api.requests.length;
    await expect(providerAt(now).start({ order, returnUrl: `${publicUrl}/orders/12345678`, payBy: new Date(now.getTime() + HOUR) })).rejects.toBeInstanceOf(PaymentMismatch);
    expect(api.requests.length).toBe(before);
  });
});

describe.each(PROVIDERS_UNDER_TEST)('Stripe Checkout on %s', (dbProvider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(dbProvider); });
  afterAll(async () => { await test?.close(); });

  const ctx = { ring, publicUrl, now };
  const shop = () => stripeShop(() => test.db, api, providerAt(now), ctx);
  const orderOf = (number: string) => test.db.order.findUniqueOrThrow({ where: { number } });
  const begin = (number: string, at = now, provider = providerAt(at)) => beginPayment(test.db, provider, number, { ring, publicUrl, now: at });

  it('opens a session with the order lines, shipping, the coupon and the buyer, and redirects to it', async () => {
    const coupon = await createCoupon(test.db, { code: `STRIPE${dbProvider}`, kind: 'fixed', amounts: { EUR: 250 } }, now);
    const { number } = await shop().place(undefined, { currency: 'EUR', couponCode: coupon.code }, 5 * HOUR);
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { items: { orderBy: { id: 'asc' } } } });
    const since = api.requests.length;
    const { redirectTo } = await begin(number);

    const [couponRequest] = requestsTo('/v1/coupons', since);
    expect(couponRequest.form).toEqual({ amount_off: '250', currency: 'eur', duration: 'once', name: `Discount (${coupon.code})` });
    const [sessionRequest] = requestsTo('/v1/checkout/sessions', since);
    const returnUrl = absoluteLink(publicUrl, signedOrderPath(number, ring));
    expect(sessionRequest.form).toEqual({
      mode: 'payment',
      line_items: [
        ...order.items.map((item) => ({ quantity: String(item.quantity), price_data: { currency: 'eur', unit_amount: String(item.unitPriceCents), product_data: { name: item.productName } } })),
        { quantity: '1', price_data: { currency: 'eur', unit_amount: String(order.shippingCents), product_data: { name: 'Shipping' } } },
      ],
      discounts: [{ coupon: expect.any(String) }],
      customer_email: 'ada@example.com', client_reference_id: number,
      metadata: { order_number: number }, payment_intent_data: { metadata: { order_number: number } },
      success_url: absoluteLink(publicUrl, thanksOrderPath(number, ring)), cancel_url: returnUrl, expires_at: String(order.payBy!.getTime() / 1000), locale: 'en',
    });
    expect(sessionRequest.idempotencyKey).toMatch(new RegExp(`^shop-checkout-${number}-`));
    // Stripe's own total for the session, coupon applied, is the order's.
    const session = api.sessions.get((await orderOf(number)).paymentReference!)!;
    expect(order.discountCents).toBe(250);
    expect(session).toMatchObject({ amount_total: order.totalCents, currency: 'eur', status: 'open' });
    expect(redirectTo).toBe(session.url);
    expect((await orderOf(number)).status).toBe('awaiting_payment');
  });

  it('speaks the buyer\'s language, and expires no sooner than Stripe allows when little time is left', async () => {
    const { number } = await shop().place(undefined, { currency: 'EUR', language: 'de' }, 10 * 60_000);
    const since = api.requests.length;
    await begin(number);
    const [{ form }] = requestsTo('/v1/checkout/sessions', since);
    expect(form).toMatchObject({ locale: 'de' });
    expect((form.line_items as { price_data: { product_data: { name: string } } }[]).at(-1)!.price_data.product_data.name).toBe('Versand');
    expect(Number(form.expires_at) * 1000 - now.getTime()).toBeGreaterThanOrEqual(30 * 60_000);
  });

  it('opens one session for a double click, and a new one for a later attempt', async () => {
    const { number } = await shop().place();
    const sessions = api.sessions.size;
    const [first, second] = await Promise.all([begin(number), begin(number)]);
    const third = await begin(number, new Date(now.getTime() + 60_000));
    expect(second.redirectTo).toBe(first.redirectTo);
    expect(third.redirectTo).toBe(first.redirectTo);
    expect(api.sessions.size).toBe(sessions + 1);
    const later = await begin(number, new Date(now.getTime() + 15 * 60_000));
    expect(later.redirectTo).not.toBe(first.redirectTo);
    expect((await orderOf(number)).paymentReference).toBe(later.redirectTo.split('/').at(-1));
    // The earlier session is closed: the buyer cannot pay twice.
    expect(api.sessions.get(first.redirectTo.split('/').at(-1)!)?.status).toBe('expired');
    expect(api.sessions.get(later.redirectTo.split('/').at(-1)!)?.status).toBe('open');
  });

  it('a later attempt after the earlier session was paid is refused, and opens nothing to pay', async () => {
    const { number } = await shop().place();
    const first = await begin(number);
    api.pay(first.redirectTo.split('/').at(-1)!);
    const sessions = [...api.sessions.keys()];
    await expect(begin(number, new Date(now.getTime() + 15 * 60_000))).rejects.toBeInstanceOf(OrderNotPayable);
    const opened = [...api.sessions.keys()].filter((id) => !sessions.includes(id));
    expect(opened.map((id) => api.sessions.get(id)?.status)).toEqual(['expired']);
  });

  it('a Stripe that never answers: ProviderUnavailable after the timeout, and the order is as it was', async () => {
    const { number } = await shop().place();
    api.mode = 'hang';
    const started = Date.now();
    await expect(begin(number)).rejects.toBeInstanceOf(ProviderUnavailable);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await orderOf(number)).toMatchObject({ status: 'awaiting_payment', paymentReference: null });
    // Stripe answers again: the same attempt goes through.
    api.mode = 'normal';
    await expect(begin(number)).resolves.toHaveProperty('redirectTo');
  });

  it('a Stripe failing with 500: tried twice with the same idempotency key, then ProviderUnavailable', async () => {
    const { number } = await shop().place();
    api.mode = 'fail';
    const since = api.requests.length;
    await expect(begin(number)).rejects.toBeInstanceOf(ProviderUnavailable);
    const tries = requestsTo('/v1/checkout/sessions', since);
    expect(tries).toHaveLength(2);
    expect(tries[1].idempotencyKey).toBe(tries[0].idempotencyKey);
    expect((await orderOf(number)).paymentReference).toBeNull();
  });

  it('a refusal (400) or a wrong key: ProviderRefused, and the order is as it was', async () => {
    const { number } = await shop().place();
    api.mode = 'refuse';
    await expect(begin(number)).rejects.toBeInstanceOf(ProviderRefused);
    api.mode = 'normal';
    await expect(begin(number, now, providerAt(now, 'sk_test_not_the_shops_key_0123456'))).rejects.toBeInstanceOf(ProviderRefused);
    expect(await orderOf(number)).toMatchObject({ status: 'awaiting_payment', paymentReference: null });
  });

  it('a session Stripe totals differently is closed at once, and nobody is sent to it', async () => {
    const { number } = await shop().place();
    api.mode = 'wrong-total';
    const since = api.requests.length;
    await expect(begin(number)).rejects.toBeInstanceOf(PaymentMismatch);
    const [created] = requestsTo('/v1/checkout/sessions', since);
    expect(created).toBeDefined();
    const expired = api.requests.slice(since).find((request) => request.path.endsWith('/expire'));
    expect(expired).toBeDefined();
    expect([...api.sessions.values()].at(-1)).toMatchObject({ status: 'expired' });
    expect((await orderOf(number)).paymentReference).toBeNull();
  });

  describe('refunds through the Refunds API', () => {
    const refund = (number: string, amountCents: number, requestKey: string, lines: number[] | 'all' = []) =>
      refundOrder(test.db, providerAt(now), { number, lines, amountCents, reason: 'asked by the buyer', actor: 'admin', requestKey }, ctx, now);

    it('refunds the payment intent once per request key', async () => {
      const { number, paymentIntent } = await shop().paidOrder();
      const since = api.requests.length;
      const first = await refund(number, 500, `refund-${number}-1`);
      const again = await refund(number, 500, `refund-${number}-1`);
      expect(again).toMatchObject({ refundId: first.refundId, repeated: true });
      const calls = requestsTo('/v1/refunds', since);
      expect(calls).toHaveLength(1);
      expect(calls[0].form).toEqual({ payment_intent: paymentIntent, amount: '500' });
      const stored = await test.db.refund.findUniqueOrThrow({ where: { id: first.refundId } });
      expect(stored).toMatchObject({ status: 'succeeded', providerRefundId: api.refunds.at(-1)!.id });
      expect(await orderOf(number)).toMatchObject({ status: 'partially_refunded', refundedCents: 500 });
    });

    it('a timeout leaves the refund pending and the order untouched; the same key then refunds once', async () => {
      const { number, id, paymentIntent } = await shop().paidOrder();
      const key = `refund-${number}-slow`;
      api.mode = 'hang';
      await expect(refund(number, 700, key)).rejects.toBeInstanceOf(ProviderUnavailable);
      expect(await orderOf(number)).toMatchObject({ status: 'paid' });
      expect(await test.db.refund.findUniqueOrThrow({ where: { requestKey: key } })).toMatchObject({ status: 'pending' });
      expect(await test.db.license.findMany({ where: { orderId: id } })).toEqual([expect.objectContaining({ status: 'active' })]);
      expect(await test.db.outboxMessage.count({ where: { orderId: id, kind: 'order-refunded' } })).toBe(0);
      api.mode = 'normal';
      const since = api.requests.length;
      await expect(refund(number, 700, key)).resolves.toMatchObject({ repeated: false, status: 'partially_refunded' });
      expect(requestsTo('/v1/refunds', since)).toHaveLength(1);
      expect(api.refunds.filter((made) => made.payment_intent === paymentIntent).map((made) => made.amount)).toEqual([700]);
      expect(await orderOf(number)).toMatchObject({ status: 'partially_refunded', refundedCents: 700 });
      expect(await test.db.outboxMessage.count({ where: { orderId: id, kind: 'order-refunded' } })).toBe(1);
    });

    it('a refund above what was paid is refused before Stripe is asked', async () => {
      const { number } = await shop().paidOrder();
      const { totalCents } = await orderOf(number);
      const since = api.requests.length;
      await expect(refund(number, totalCents + 1, `refund-${number}-big`)).rejects.toBeInstanceOf(RefundTooLarge);
      expect(requestsTo('/v1/refunds', since)).toHaveLength(0);
      expect(await orderOf(number)).toMatchObject({ status: 'paid', refundedCents: 0 });
    });

    it('a refund Stripe refuses changes nothing', async () => {
      const { number, id } = await shop().paidOrder();
      api.mode = 'refuse';
      await expect(refund(number, 300, `refund-${number}-refused`)).rejects.toBeInstanceOf(ProviderRefused);
      expect(await orderOf(number)).toMatchObject({ status: 'paid', refundedCents: 0 });
      expect(await test.db.license.findMany({ where: { orderId: id } })).toEqual([expect.objectContaining({ status: 'active' })]);
      expect(await test.db.outboxMessage.count({ where: { orderId: id, kind: 'order-refunded' } })).toBe(0);
    });
  });
});
