// Stripe Checkout: the buyer pays on Stripe's hosted page. Starting a payment opens a Checkout
// Session with the order's own lines, shipping and discount (checked to add up to the order's
// total, before and after Stripe computes it); the order is marked paid only by the signed
// webhook (lib/payments/stripe-webhook.ts). Refunds go through the Refunds API.
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { translatorFor } from '../../i18n/messages';
import { OrderNotPayable, PaymentMismatch, ProviderRefused, ProviderUnavailable } from '../errors';
import type { PaymentOrder, PaymentProvider, RefundRequest, StartRequest } from '../provider';

/** Stripe Checkout: the secret key, the webhook endpoint's signing secret, and (tests, stripe-mock) another API host. */
export interface StripeSettings { secretKey: string; webhookSecret: string; apiUrl?: string }

export interface StripeProviderOptions {
  /** The clock a session's expiry is counted from. */
  now?: () => Date;
  /** How long one call to Stripe may take before it counts as unanswered (it is tried twice). */
  timeoutMs?: number;
}

export const STRIPE_TIMEOUT_MS = 10_000;
// Stripe takes a session's expires_at between 30 minutes and 24 hours after its creation.
const SESSION_MIN_MS = 31 * 60_000;
const SESSION_MAX_MS = 24 * 3_600_000 - 60_000;
/** Requests for the same order within one window open the same session (a double click pays once). */
const ATTEMPT_WINDOW_MS = 10 * 60_000;
const CHECKOUT_LOCALES: ReadonlySet<string> = new Set(['en', 'de', 'fr']);

export function stripeClient(settings: Pick<StripeSettings, 'secretKey' | 'apiUrl'>, timeoutMs = STRIPE_TIMEOUT_MS): Stripe {
  const api = settings.apiUrl ? new URL(settings.apiUrl) : null;
  const protocol = api?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 1, timeout: timeoutMs, telemetry: false,
    ...(api && { host: api.hostname, port: api.port || (protocol === 'http' ? 80 : 443), protocol }),
  });
}

/** Stripe's failures as the shop's: try again later (ProviderUnavailable), or not like this (ProviderRefused). */
export function providerError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const status = error.statusCode ?? 0;
  const transient = error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError
    || error instanceof Stripe.errors.StripeRateLimitError || status === 409 || status === 429 || status >= 500;
  const detail = `Stripe ${error.type}${status ? ` ${status}` : ''}: ${error.message}`;
  return transient ? new ProviderUnavailable(detail) : new ProviderRefused(detail);
}

async function calling<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw providerError(error);
  }
}

/** A key that names the request's purpose and content: the same request is answered once; a changed one is new. */
const idempotencyKey = (purpose: string, number: string, params: unknown) =>
  `shop-${purpose}-${number}-${createHash('sha256').update(JSON.stringify(params)).digest('base64url').slice(0, 32)}`;

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The session ends when the order stops taking money, within the bounds Stripe accepts. */
export function sessionExpiry(payBy: Date, attemptStart: number): number {
  const latest = attemptStart + SESSION_MAX_MS;
  const earliest = attemptStart + ATTEMPT_WINDOW_MS + SESSION_MIN_MS;
  return seconds(Math.min(latest, Math.max(earliest, payBy.getTime())));
}

type LineItem = Stripe.Checkout.SessionCreateParams.LineItem;

function lineItems(order: PaymentOrder): LineItem[] {
  const currency = order.currency.toLowerCase();
  const line = (name: string, unitAmount: number, quantity: number): LineItem =>
    ({ quantity, price_data: { currency, unit_amount: unitAmount, product_data: { name } } });
  const lines = order.items.map((item) => line(item.productName, item.unitPriceCents, item.quantity));
  if (order.shippingCents > 0) lines.push(line(translatorFor(order.language, 'Totals')('shipping'), order.shippingCents, 1));
  return lines;
}

/** What Stripe will charge for these lines and this discount; it must be the order's total. */
function checkTotals(order: PaymentOrder, lines: readonly LineItem[]) {
  const charged = lines.reduce((sum, line) => sum + line.price_data!.unit_amount! * line.quantity!, 0);
  if (order.discountCents < 0 || order.discountCents > charged || charged - order.discountCents !== order.totalCents) {
    throw new PaymentMismatch(`order ${order.number}: lines ${charged} − discount ${order.discountCents} ≠ total ${order.totalCents}`);
  }
}

function sessionParams(request: StartRequest, lines: LineItem[], couponId: string | null, attemptStart: number): Stripe.Checkout.SessionCreateParams {
  const { order, returnUrl, successUrl = returnUrl, payBy } = request;
  const tag = { order_number: order.number };
  return {
    mode: 'payment',
    line_items: lines,
    ...(couponId && { discounts: [{ coupon: couponId }] }),
    customer_email: order.email,
    client_reference_id: order.number,
    metadata: tag,
    // The charge, its refunds and disputes carry the order number too.
    payment_intent_data: { metadata: tag },
    success_url: successUrl,
    cancel_url: returnUrl,
    expires_at: sessionExpiry(payBy, attemptStart),
    locale: CHECKOUT_LOCALES.has(order.language) ? order.language : 'auto',
  };
}

export function stripeProvider(settings: StripeSettings, options: StripeProviderOptions = {}): PaymentProvider {
  const stripe = stripeClient(settings, options.timeoutMs);
  const now = options.now ?? (() => new Date());

  /** A one-off coupon worth the order's discount, named "Discount (CODE)" in the buyer's language. */
  async function couponFor(order: PaymentOrder): Promise<string | null> {
    if (order.discountCents === 0) return null;
    const name = translatorFor(order.language, 'Totals')('discount', { code: order.couponCode ?? '' });
    const params: Stripe.CouponCreateParams = {
      amount_off: order.discountCents, currency: order.currency.toLowerCase(), duration: 'once', name: name.slice(0, 40),
    };
    const coupon = await calling(() => stripe.coupons.create(params, { idempotencyKey: idempotencyKey('coupon', order.number, params) }));
    return coupon.id;
  }

  /** Stripe's own total for the session; a session that would charge anything else is closed at once. */
  async function confirmTotal(order: PaymentOrder, session: Stripe.Checkout.Session) {
    if (session.amount_total === order.totalCents && session.currency?.toUpperCase() === order.currency) return;
    await stripe.checkout.sessions.expire(session.id).catch((error) => console.warn(`[stripe] could not expire session ${session.id}:`, providerError(error)));
    throw new PaymentMismatch(`Stripe session ${session.id} charges ${session.amount_total} ${session.currency}, order ${order.number} is ${order.totalCents} ${order.currency}`);
  }

  /**
   * A new attempt replaces the order's earlier session: an open one is expired, so the buyer
   * cannot pay twice; a completed one means the order is paid already (its webhook settles it).
   */
  async function closeEarlier(previous: string, current: Stripe.Checkout.Session) {
    const earlier = await calling(() => stripe.checkout.sessions.retrieve(previous));
    if (earlier.status === 'complete') {
      await stripe.checkout.sessions.expire(current.id).catch((error) => console.warn(`[stripe] could not expire session ${current.id}:`, providerError(error)));
      throw new OrderNotPayable(`Stripe session ${previous} was already paid; its webhook settles the order`);
    }
    if (earlier.status === 'open') await calling(() => stripe.checkout.sessions.expire(previous));
  }

  return {
    name: 'stripe',
    async start(request) {
      const lines = lineItems(request.order);
      checkTotals(request.order, lines);
      const attemptStart = Math.floor(now().getTime() / ATTEMPT_WINDOW_MS) * ATTEMPT_WINDOW_MS;
      const params = sessionParams(request, lines, await couponFor(request.order), attemptStart);
      const key = idempotencyKey('checkout', request.order.number, { params, attemptStart });
      const session = await calling(() => stripe.checkout.sessions.create(params, { idempotencyKey: key }));
      await confirmTotal(request.order, session);
      const previous = request.previousReference;
      if (previous?.startsWith('cs_') && previous !== session.id) await closeEarlier(previous, session);
      if (!session.url) throw new ProviderRefused(`Stripe session ${session.id} has no URL`);
      return { redirectTo: session.url, reference: session.id };
    },
    async refund({ paymentReference, amountCents, idempotencyKey: key }: RefundRequest) {
      if (!paymentReference) throw new ProviderRefused('the order has no Stripe payment to refund');
      const refund = await calling(() => stripe.refunds.create({ payment_intent: paymentReference, amount: amountCents }, { idempotencyKey: `shop-refund-${key}` }));
      if (refund.status === 'failed' || refund.status === 'canceled') throw new ProviderRefused(`Stripe refund ${refund.id} is ${refund.status}`);
      return { providerRefundId: refund.id };
    },
  };
}
