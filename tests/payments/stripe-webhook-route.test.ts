// POST /api/payments/stripe/webhook and the proxy in front of it, called as Next calls them:
// Stripe's server-to-server post gets through, and every answer is JSON with the status Stripe
// acts on (200 done, 400/422 refused, 409/503 retried), never a 500.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { stripeProvider } from '@/lib/payments/providers/stripe';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { signedEvent, startStripeApi, stripeShop, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, type StripeApi } from '../support/stripe-api';

const APP_KEY = 'stripe-route-test-key-0123456789abcdefghij';
const ORIGIN = 'http://127.0.0.1:3100';
const WEBHOOK = `${ORIGIN}/api/payments/stripe/webhook`;

type Route = typeof import('@/app/api/payments/stripe/webhook/route').POST;
let api: StripeApi;
let test: TestDatabase;

/** Imports the route and the proxy afresh, configured by `env` (the shop reads its settings once per process). */
async function configuredShop(env: Record<string, string>) {
  vi.resetModules();
  delete (globalThis as { shop?: unknown }).shop;
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { POST } = await import('@/app/api/payments/stripe/webhook/route');
  const { proxy } = await import('@/proxy');
  const { shop } = await import('@/lib/server/shop');
  return { route: POST as Route, proxy, disconnect: () => shop().database().db.$disconnect() };
}

const stripeEnv = () => ({
  DATABASE_URL: test.url, APP_KEYS: APP_KEY, PUBLIC_URL: ORIGIN, PAYMENT_PROVIDER: 'stripe',
  STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_URL: api.url,
});

/** Stripe's delivery: a JSON body, its signature, no Origin or Sec-Fetch-* (it is not a browser). */
const post = (delivery: { payload: string; signature: string }, headers: Record<string, string> = {}) => new NextRequest(WEBHOOK, {
  method: 'POST', body: delivery.payload,
  headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': delivery.signature, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', ...headers },
});

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  api = await startStripeApi(STRIPE_SECRET_KEY);
  test = await openTestDatabase('sqlite');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await api?.close();
  await test?.close();
});

describe('with PAYMENT_PROVIDER=stripe', () => {
  let route: Route;
  let proxy: typeof import('@/proxy').proxy;
  let disconnect: () => Promise<void>;
  beforeAll(async () => { ({ route, proxy, disconnect } = await configuredShop(stripeEnv())); });
  afterAll(async () => { await disconnect?.(); });

  const now = () => new Date();
  const shop = () => {
    const at = now();
    const provider = stripeProvider({ secretKey: STRIPE_SECRET_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET, apiUrl: api.url }, { now: () => at });
    return stripeShop(() => test.db, api, provider, { ring: deriveKeyRing([APP_KEY], ORDER_LINK_PURPOSE), publicUrl: ORIGIN, now: at });
  };
  const event = (type: string, object: Record<string, unknown>) => signedEvent(type, object, STRIPE_WEBHOOK_SECRET, now());

  it('the proxy lets Stripe\'s post through, up to the webhook\'s own size limit, and still refuses a browser\'s cross-site post', async () => {
    const delivery = event('customer.created', { id: 'cus_test_proxy', object: 'customer' });
    const passed = await proxy(post(delivery));
    expect(passed.status).toBe(200);
    expect(passed.headers.get('x-middleware-next')).toBe('1');
    expect((await proxy(post(delivery, { 'content-length': String(200 * 1024) }))).status).toBe(200);
    expect((await proxy(post(delivery, { 'content-length': String(1024 * 1024) }))).status).toBe(413);
    const fromAPage = await proxy(post(delivery, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(fromAPage.status).toBe(403);
  });

  it('pays the order from a signed event: 200, then the same event again: 200 and nothing more', async () => {
    const { number, id } = await shop().place();
    const completed = event('checkout.session.completed', await shop().checkout(number));
    const first = await route(post(completed));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: `paid: order ${number}`, repeated: false });
    const again = await route(post(completed));
    expect(await again.json()).toMatchObject({ repeated: true });
    expect((await test.db.order.findUniqueOrThrow({ where: { id } })).status).toBe('paid');
    expect(await test.db.outboxMessage.count({ where: { orderId: id, kind: 'order-confirmation' } })).toBe(1);
  });

  it('answers a bad signature 400, a mismatched payment 422 and an early refund 409, as JSON', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number);
    const forged = { ...event('checkout.session.completed', session), signature: 't=1,v1=00' };
    const mismatch = event('checkout.session.completed', { ...session, amount_total: 1 });
    const early = event('charge.refunded', api.chargeOf(String(session.payment_intent)));
    for (const [delivery, status, code] of [[forged, 400, 'WEBHOOK_SIGNATURE_INVALID'], [mismatch, 422, 'PAYMENT_MISMATCH'], [early, 409, 'WEBHOOK_TOO_EARLY']] as const) {
      const answer = await route(post(delivery));
      expect(answer.status, code).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await answer.json()).toMatchObject({ error: code, message: expect.any(String) });
    }
    expect((await test.db.order.findUniqueOrThrow({ where: { id } })).status).toBe('awaiting_payment');
  });
});

describe('answers without a 500', () => {
  it('404 when the shop is not configured for Stripe', async () => {
    const { route, disconnect } = await configuredShop({ ...stripeEnv(), PAYMENT_PROVIDER: 'test' });
    const answer = await route(post(signedEvent('customer.created', { id: 'cus_test_1' }, STRIPE_WEBHOOK_SECRET, new Date())));
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: 'PAYMENT_PROVIDER_NOT_CONFIGURED' });
    await disconnect();
  });

  it('503 with Retry-After while the database is down, so Stripe delivers the event again', async () => {
    const { route } = await configuredShop({ ...stripeEnv(), DATABASE_URL: 'postgresql://shop:shop@127.0.0.1:1/shop' });
    const answer = await route(post(signedEvent('charge.refunded', { id: 'ch_test_1' }, STRIPE_WEBHOOK_SECRET, new Date())));
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await answer.json()).toMatchObject({ error: 'UNAVAILABLE' });
  });
});
