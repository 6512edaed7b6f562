// A local stand-in for the parts of Stripe's API the shop calls, answering with Stripe's
// documented shapes (https://docs.stripe.com/api): POST /v1/coupons, /v1/checkout/sessions,
// /v1/checkout/sessions/{id}/expire and /v1/refunds, GET /v1/checkout/sessions/{id}, form-encoded, with the secret key as a
// bearer token and Idempotency-Key honoured (the first answer is replayed; other parameters
// under the same key are refused). It plays Stripe's side of a buyer paying (`pay`) and
// signs webhook events with the real library (`signedEvent`).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { placeOrder, type OrderTerms } from '@/lib/checkout/place-order';
import { checkoutSchema } from '@/lib/checkout/customer-input';
import type { OrderLine } from '@/lib/checkout/pricing';
import { beginPayment } from '@/lib/payments/start';
import type { PaymentProvider } from '@/lib/payments/provider';
import type { OrderMailContext } from '@/lib/payments/settle';
import { handleStripeWebhook } from '@/lib/payments/stripe-webhook';

/** `hang`: never answers; `refuse`: 400 invalid_request_error; `fail`: 500 api_error; `wrong-total`: sessions charge 1 cent more. */
export type StripeApiMode = 'normal' | 'hang' | 'refuse' | 'fail' | 'wrong-total';

export interface RecordedRequest {
  method: string;
  path: string;
  form: Record<string, unknown>;
  idempotencyKey: string | null;
  replayed: boolean;
}

type Json = Record<string, unknown>;
interface PaymentIntentRecord { id: string; chargeId: string; amount: number; currency: string; refunded: number; refundIds: string[] }

export interface StripeApi {
  url: string;
  mode: StripeApiMode;
  requests: RecordedRequest[];
  sessions: Map<string, Json>;
  refunds: Json[];
  /** The buyer paid the session on Stripe's page: it is complete, with a payment intent and a charge. */
  pay(sessionId: string, paymentStatus?: 'paid' | 'unpaid'): Json;
  /** The session's charge as Stripe shows it now (for charge.* events). */
  chargeOf(paymentIntent: string): Json;
  /** Stripe's side of a refund made in the Stripe dashboard (not through the shop). */
  refundInDashboard(paymentIntent: string, amount: number): Json;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('base64url')}`;
const unixNow = () => Math.floor(Date.now() / 1000);

/** `a[b][0][c]=1` → { a: { b: [ { c: '1' } ] } }, as Stripe reads its form bodies. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const slot = node as Record<string, unknown>;
      if (last) { slot[segment] = value; return; }
      slot[segment] ??= /^\d+$/.test(path[index + 1]) ? [] : {};
      node = slot[segment] as Record<string, unknown>;
    });
  }
  return root;
}

const stripeError = (status: number, type: string, message: string, extra: Json = {}) => ({ status, body: { error: { type, message, ...extra } } });

export async function startStripeApi(secretKey: string): Promise<StripeApi> {
  const answered = new Map<string, { body: string; status: number; answer: Json }>();
  const coupons = new Map<string, Json>();
  const paymentIntents = new Map<string, PaymentIntentRecord>();
  const api: StripeApi = {
    url: '', mode: 'normal', requests: [], sessions: new Map(), refunds: [],
    pay, chargeOf, refundInDashboard, close,
  };

  function createSession(form: Json): { status: number; body: Json } {
    const lines = (form.line_items ?? []) as { quantity: string; price_data: { currency: string; unit_amount: string; product_data: { name: string } } }[];
    if (lines.length === 0) return stripeError(400, 'invalid_request_error', 'You must provide at least one line item.', { param: 'line_items' });
    const currency = lines[0].price_data.currency;
    if (lines.some((line) => line.price_data.currency !== currency)) return stripeError(400, 'invalid_request_error', 'All line items must share one currency.');
    const subtotal = lines.reduce((sum, line) => sum + Number(line.price_data.unit_amount) * Number(line.quantity), 0);
    const discounts = (form.discounts ?? []) as { coupon: string }[];
    const coupon = discounts[0] ? coupons.get(discounts[0].coupon) : undefined;
    if (discounts[0] && !coupon) return stripeError(400, 'invalid_request_error', `No such coupon: '${discounts[0].coupon}'`, { code: 'resource_missing' });
    const discount = Math.min(subtotal, Number(coupon?.amount_off ?? 0));
    const sessionId = id('cs');
    const session: Json = {
      id: sessionId, object: 'checkout.session', mode: form.mode, status: 'open', payment_status: 'unpaid', livemode: false,
      amount_subtotal: subtotal, amount_total: subtotal - discount + (api.mode === 'wrong-total' ? 1 : 0), currency,
      total_details: { amount_discount: discount, amount_shipping: 0, amount_tax: 0 },
      client_reference_id: form.client_reference_id ?? null, customer_email: form.customer_email ?? null,
      metadata: form.metadata ?? {}, expires_at: Number(form.expires_at), created: unixNow(), locale: form.locale ?? null,
      payment_intent: null, success_url: form.success_url, cancel_url: form.cancel_url,
      url: `https://checkout.stripe.com/c/pay/${sessionId}`,
    };
    api.sessions.set(sessionId, session);
    return { status: 200, body: session };
  }

  function createCoupon(form: Json): { status: number; body: Json } {
    if (!form.amount_off || !form.currency) return stripeError(400, 'invalid_request_error', 'Coupons need amount_off and currency (or percent_off).');
    const coupon = { id: randomBytes(6).toString('hex'), object: 'coupon', amount_off: Number(form.amount_off), currency: form.currency, duration: form.duration, name: form.name ?? null, valid: true, created: unixNow() };
    coupons.set(coupon.id, coupon);
    return { status: 200, body: coupon };
  }

  function createRefund(form: Json): { status: number; body: Json } {
    const intent = paymentIntents.get(String(form.payment_intent));
    if (!intent) return stripeError(400, 'invalid_request_error', `No such payment_intent: '${form.payment_intent}'`, { code: 'resource_missing', param: 'payment_intent' });
    const amount = form.amount === undefined ? intent.amount - intent.refunded : Number(form.amount);
    if (amount > intent.amount - intent.refunded) {
      return stripeError(400, 'invalid_request_error', `Refund amount (${amount}) is greater than unrefunded amount on charge (${intent.amount - intent.refunded})`, { code: 'amount_too_large' });
    }
    return { status: 200, body: refund(intent, amount) };
  }

  function refund(intent: PaymentIntentRecord, amount: number): Json {
    intent.refunded += amount;
    const made = { id: id('re'), object: 'refund', amount, currency: intent.currency, payment_intent: intent.id, charge: intent.chargeId, status: 'succeeded', created: unixNow() };
    intent.refundIds.push(made.id);
    api.refunds.push(made);
    return made;
  }

  function expireSession(sessionId: string): { status: number; body: Json } {
    const session = api.sessions.get(sessionId);
    if (!session) return stripeError(404, 'invalid_request_error', `No such checkout.session: '${sessionId}'`, { code: 'resource_missing' });
    if (session.status !== 'open') return stripeError(400, 'invalid_request_error', 'Only open sessions can be expired.');
    session.status = 'expired';
    return { status: 200, body: session };
  }

  function route(method: string, path: string, form: Json): { status: number; body: Json } {
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(form);
    if (method === 'POST' && path === '/v1/coupons') return createCoupon(form);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(form);
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === 'POST' && expire) return expireSession(expire[1]);
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && retrieve) {
      const session = api.sessions.get(retrieve[1]);
      return session ? { status: 200, body: session } : stripeError(404, 'invalid_request_error', `No such checkout.session: '${retrieve[1]}'`, { code: 'resource_missing' });
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  function send(response: ServerResponse, status: number, body: Json, replayed = false) {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req'), ...(replayed && { 'Idempotent-Replayed': 'true' }) });
    response.end(JSON.stringify(body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://stripe.test').pathname;
    const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
    const form = parseStripeForm(body);
    const earlier = key ? answered.get(key) : undefined;
    api.requests.push({ method: request.method ?? '', path, form, idempotencyKey: key, replayed: Boolean(earlier) });
    if (api.mode === 'hang') return; // never answers; the socket is closed by close()
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      return send(response, 401, stripeError(401, 'invalid_request_error', 'Invalid API Key provided.').body);
    }
    if (earlier) {
      if (earlier.body !== body) {
        return send(response, 400, stripeError(400, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.').body);
      }
      return send(response, earlier.status, earlier.answer, true);
    }
    if (api.mode === 'fail') return send(response, 500, stripeError(500, 'api_error', 'Something went wrong on Stripe\'s end.').body);
    const { status, body: answer } = api.mode === 'refuse'
      ? stripeError(400, 'invalid_request_error', 'Invalid email address: the request was refused.', { param: 'customer_email' })
      : route(request.method ?? '', path, form);
    // Stripe keeps the first answer of a key, errors from validation included (not 500s).
    if (key) answered.set(key, { body, status, answer });
    send(response, status, answer);
  }

  function pay(sessionId: string, paymentStatus: 'paid' | 'unpaid' = 'paid'): Json {
    const session = api.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    const intent: PaymentIntentRecord = { id: id('pi'), chargeId: id('ch'), amount: Number(session.amount_total), currency: String(session.currency), refunded: 0, refundIds: [] };
    paymentIntents.set(intent.id, intent);
    Object.assign(session, { status: 'complete', payment_status: paymentStatus, payment_intent: intent.id });
    return { ...session };
  }

  function chargeOf(paymentIntent: string): Json {
    const intent = paymentIntents.get(paymentIntent);
    if (!intent) throw new Error(`no payment intent ${paymentIntent}`);
    return {
      id: intent.chargeId, object: 'charge', amount: intent.amount, amount_captured: intent.amount, amount_refunded: intent.refunded,
      currency: intent.currency, captured: true, paid: true, refunded: intent.refunded >= intent.amount, status: 'succeeded',
      payment_intent: intent.id, metadata: {}, livemode: false, created: unixNow(),
    };
  }

  function refundInDashboard(paymentIntent: string, amount: number): Json {
    const intent = paymentIntents.get(paymentIntent);
    if (!intent) throw new Error(`no payment intent ${paymentIntent}`);
    return refund(intent, amount);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => send(response, 500, stripeError(500, 'api_error', String(error)).body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function close() {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return api;
}

/** A webhook delivery as Stripe sends it: the event's JSON and its Stripe-Signature header, signed at `signedAt`. */
export function signedEvent(type: string, object: Json, secret: string, signedAt: Date, eventId = id('evt')) {
  const created = Math.floor(signedAt.getTime() / 1000);
  const payload = JSON.stringify({
    id: eventId, object: 'event', api_version: Stripe.API_VERSION, created, livemode: false, pending_webhooks: 1,
    request: { id: null, idempotency_key: null }, type, data: { object },
  }, null, 2);
  return { eventId, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: created }) };
}

/** The same event delivered again later: Stripe signs every delivery anew. */
export function redelivered(delivery: { payload: string; eventId: string }, secret: string, signedAt: Date) {
  const timestamp = Math.floor(signedAt.getTime() / 1000);
  return { ...delivery, signature: Stripe.webhooks.generateTestHeaderString({ payload: delivery.payload, secret, timestamp }) };
}

/** A dispute on the payment, as charge.dispute.created carries it. */
export const disputeOf = (charge: Json) => ({
  id: id('dp'), object: 'dispute', amount: charge.amount, currency: charge.currency, charge: charge.id,
  payment_intent: charge.payment_intent, reason: 'fraudulent', status: 'needs_response', created: unixNow(), livemode: false,
});

// The shop's side, for the Stripe tests: orders placed to be paid with Stripe, paid on this
// stand-in, and the webhook deliveries that follow.

export const STRIPE_SECRET_KEY = 'sk_test_shop0123456789abcdefghij';
export const STRIPE_WEBHOOK_SECRET = 'whsec_test0123456789abcdefghijklmnop';

export const BUYER = checkoutSchema.parse({
  email: 'ada@example.com', fullName: 'Ada Lovelace', addressLine1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB',
});

/** A posted card, a download, an article and a pass: shipping, a licence and two grants once paid. */
export const ONE_OF_EACH: OrderLine[] = ['pop-up-castle', 'printable-card-templates', 'article-how-pop-ups-work', 'studio-pass'].map((slug) => ({ slug, quantity: 1 }));

export interface StripeShop {
  /** An order awaiting a Stripe payment, placed at `now`. */
  place(lines?: readonly OrderLine[], terms?: OrderTerms, payWithinMs?: number): Promise<{ number: string; id: number }>;
  /** Starts the payment (the shop's redirect) and pays the session on Stripe's side: the completed session. */
  checkout(number: string, paymentStatus?: 'paid' | 'unpaid'): Promise<Record<string, unknown>>;
  /** Delivers a webhook event to the shop at `at` (signed then unless told otherwise). */
  deliver(delivery: { payload: string; signature: string }, at?: Date): ReturnType<typeof handleStripeWebhook>;
  /** Places an order and pays it through the webhook: the completed session. */
  paidOrder(lines?: readonly OrderLine[], terms?: OrderTerms): Promise<{ number: string; id: number; paymentIntent: string }>;
}

export function stripeShop(db: () => Db, api: StripeApi, provider: PaymentProvider, ctx: OrderMailContext & { now: Date }): StripeShop {
  const shop: StripeShop = {
    async place(lines = ONE_OF_EACH, terms = {}, payWithinMs = 24 * 3_600_000) {
      const { number } = await placeOrder(db(), lines, BUYER, { ...ctx, provider: 'stripe', payWithinMs }, terms);
      return { number, id: (await db().order.findUniqueOrThrow({ where: { number } })).id };
    },
    async checkout(number, paymentStatus = 'paid') {
      await beginPayment(db(), provider, number, ctx);
      const { paymentReference } = await db().order.findUniqueOrThrow({ where: { number } });
      return api.pay(paymentReference!, paymentStatus);
    },
    deliver: (delivery, at = ctx.now) =>
      handleStripeWebhook(db(), { rawBody: Buffer.from(delivery.payload), signature: delivery.signature }, { webhookSecret: STRIPE_WEBHOOK_SECRET, ctx, now: at }),
    async paidOrder(lines, terms) {
      const order = await shop.place(lines, terms);
      const session = await shop.checkout(order.number);
      await shop.deliver(signedEvent('checkout.session.completed', session, STRIPE_WEBHOOK_SECRET, ctx.now));
      return { ...order, paymentIntent: String(session.payment_intent) };
    },
  };
  return shop;
}
