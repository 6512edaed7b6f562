// Stripe's webhook (docs/specs/stripe-webhooks.md): the raw body's signature is checked
// before anything is read from it, within the replay window; the event is kept (inbox.ts)
// and applied at most once. What each event type does is in EVENTS; an order is marked paid
// only here, from a signed `checkout.session.completed` whose amount and currency match it.
import Stripe from 'stripe';
import { z } from 'zod';
import type { Db } from '../db/client';
import { RequestRefused } from '../errors';
import { moveOrder } from '../order-states/move';
import { TransitionNotAllowed } from '../order-states/errors';
import { PaymentMismatch, WebhookSignatureInvalid, WebhookTooEarly } from './errors';
import { processOnce, type Applied, type Processed } from './inbox';
import { disputeOrder, refundOrder } from './refund';
import { settleOrder, type OrderMailContext } from './settle';

/** A signature older than this is refused: a captured delivery cannot be replayed later. */
export const REPLAY_WINDOW_SECONDS = 300;

export interface StripeWebhookRequest { rawBody: string | Buffer; signature: string | null }

export interface StripeWebhookDeps {
  webhookSecret: string;
  /** What the order's emails need; a function is called only when an event changes an order. */
  ctx: OrderMailContext | (() => Promise<OrderMailContext>);
  now: Date;
}

export interface StripeWebhookAnswer extends Processed { status: 200 }

interface EventContext { db: Db; eventId: string; now: Date; ctx: () => Promise<OrderMailContext> }

const idOf = z.union([z.string(), z.object({ id: z.string() })]).transform((value) => (typeof value === 'string' ? value : value.id));
const metadata = z.record(z.string(), z.string()).nullish();

const SESSION = z.object({
  id: z.string(), mode: z.string(), payment_status: z.string(), amount_total: z.number().int().nullable(),
  currency: z.string().nullable(), client_reference_id: z.string().nullish(), metadata, payment_intent: idOf.nullish(),
});
const CHARGE = z.object({
  id: z.string(), amount: z.number().int(), amount_refunded: z.number().int(), currency: z.string(), refunded: z.boolean(),
  payment_intent: idOf.nullish(), metadata, refunds: z.object({ data: z.array(z.object({ id: z.string(), created: z.number() })) }).nullish(),
});
const DISPUTE = z.object({ id: z.string(), payment_intent: idOf.nullish(), reason: z.string().nullish(), status: z.string().nullish() });

function objectOf<T>(schema: z.ZodType<T>, object: unknown): T {
  const parsed = schema.safeParse(object);
  // Signed by Stripe but not the shape this code reads (an API version change): kept, retried after a fix.
  if (!parsed.success) throw new RequestRefused('BAD_REQUEST', `unexpected event object: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return parsed.data;
}

/** The shop's order a Checkout Session names (its metadata, or the client reference). */
async function orderOfSession(db: Db, session: z.infer<typeof SESSION>) {
  const number = session.metadata?.order_number ?? session.client_reference_id ?? null;
  return number ? db.order.findUnique({ where: { number }, select: { id: true, number: true } }) : null;
}

/** The order a payment intent settled; none yet is "too early" unless the charge names an order this shop does not have. */
async function orderOfPayment(db: Db, paymentIntent: string | null | undefined, namedNumber?: string) {
  const order = paymentIntent
    ? await db.order.findFirst({ where: { paymentProvider: 'stripe', paymentReference: paymentIntent }, select: { id: true, number: true, currency: true, refundedCents: true } })
    : null;
  if (order || !paymentIntent) return order;
  if (namedNumber && !(await db.order.findUnique({ where: { number: namedNumber }, select: { id: true } }))) return null;
  throw new WebhookTooEarly(`no order has the payment ${paymentIntent} yet`);
}

async function sessionPaid(object: unknown, { db, now, ctx }: EventContext): Promise<string> {
  const session = objectOf(SESSION, object);
  if (session.mode !== 'payment') return `ignored: a ${session.mode} session`;
  const order = await orderOfSession(db, session);
  if (!order) return 'ignored: the session names no order of this shop';
  // Bank debits and vouchers complete unpaid; checkout.session.async_payment_succeeded follows.
  if (session.payment_status !== 'paid') return `noted: order ${order.number} waits for its payment (${session.payment_status})`;
  if (!session.payment_intent) throw new RequestRefused('BAD_REQUEST', `paid session ${session.id} has no payment intent`);
  const context = await ctx();
  const outcome = await db.$transaction((tx) => settleOrder(tx, order.id, {
    provider: 'stripe', reference: session.payment_intent!, amountCents: session.amount_total ?? -1, currency: session.currency ?? '',
    actor: 'stripe', reason: `paid with Stripe Checkout (${session.id})`,
  }, context, now));
  return outcome === 'settled' ? `paid: order ${order.number}` : `already paid: order ${order.number}`;
}

async function sessionFailed(object: unknown, { db, now }: EventContext): Promise<string> {
  const session = objectOf(SESSION, object);
  const order = await orderOfSession(db, session);
  if (!order) return 'ignored: the session names no order of this shop';
  await db.$transaction((tx) => moveOrder(tx, order.id, 'payment_failed', { actor: 'stripe', reason: `the payment failed (${session.id})`, at: now }));
  return `payment failed: order ${order.number}`;
}

async function chargeRefunded(object: unknown, { db, now, ctx, eventId }: EventContext): Promise<string> {
  const charge = objectOf(CHARGE, object);
  const order = await orderOfPayment(db, charge.payment_intent, charge.metadata?.order_number);
  if (!order) return 'ignored: the charge is not an order of this shop';
  if (charge.currency.toUpperCase() !== order.currency) throw new PaymentMismatch(`charge ${charge.id} is in ${charge.currency}, order ${order.number} in ${order.currency}`);
  // Stripe says how much is refunded in all; what the shop has not recorded yet is new (a refund the shop made itself is recorded already).
  const newCents = charge.amount_refunded - order.refundedCents;
  if (newCents <= 0) return `nothing new: ${charge.amount_refunded} refunded in Stripe, ${order.refundedCents} recorded for order ${order.number}`;
  const whole = charge.refunded || charge.amount_refunded >= charge.amount;
  const latest = [...(charge.refunds?.data ?? [])].sort((a, b) => b.created - a.created)[0]?.id ?? null;
  const result = await refundOrder(db, { alreadyRefunded: latest }, {
    number: order.number, lines: whole ? 'all' : [], amountCents: newCents, reason: 'refunded in Stripe', actor: 'stripe', requestKey: `stripe:${eventId}`,
  }, await ctx(), now);
  return `refunded ${newCents}: order ${order.number} is ${result.status}`;
}

async function chargeDisputed(object: unknown, { db, now }: EventContext): Promise<string> {
  const dispute = objectOf(DISPUTE, object);
  const order = await orderOfPayment(db, dispute.payment_intent);
  if (!order) return 'ignored: the dispute is not about an order of this shop';
  await disputeOrder(db, order.id, { actor: 'stripe', reason: `disputed in Stripe (${dispute.reason ?? 'no reason given'})`, at: now });
  return `disputed: order ${order.number}`;
}

/** A lost dispute ends the order refunded (the bank gave the money back); a won one stays disputed for the admin to decide. */
async function disputeClosed(object: unknown, { db, now }: EventContext): Promise<string> {
  const dispute = objectOf(DISPUTE, object);
  const order = await orderOfPayment(db, dispute.payment_intent);
  if (!order) return 'ignored: the dispute is not about an order of this shop';
  if (dispute.status !== 'lost') return `noted: the dispute on order ${order.number} closed ${dispute.status ?? 'without a status'}; access stays revoked`;
  await db.$transaction(async (tx) => {
    const { paidCents } = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { paidCents: true } });
    await moveOrder(tx, order.id, 'refunded', { actor: 'stripe', reason: `dispute lost in Stripe (${dispute.id})`, amountCents: paidCents, at: now }, { refundedCents: paidCents });
  });
  return `dispute lost: order ${order.number} is refunded`;
}

/** What each event type does; any other type is kept and answered "ignored". */
const EVENTS: Readonly<Record<string, (object: unknown, context: EventContext) => Promise<string>>> = {
  'checkout.session.completed': sessionPaid,
  'checkout.session.async_payment_succeeded': sessionPaid,
  'checkout.session.async_payment_failed': sessionFailed,
  'charge.refunded': chargeRefunded,
  'charge.dispute.created': chargeDisputed,
  'charge.dispute.closed': disputeClosed,
};

/**
 * A payment that does not match its order is refused (422) and recorded: retrying cannot make
 * it match. An order that may not move that way (a payment for a cancelled order) is recorded
 * and answered 200, for the admin to see. Anything else leaves the event to be retried.
 */
async function apply(event: Stripe.Event, context: EventContext): Promise<Applied> {
  const handler = Object.hasOwn(EVENTS, event.type) ? EVENTS[event.type] : undefined;
  if (!handler) return { outcome: `ignored: ${event.type}` };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { outcome: await handler(event.data.object, context) };
    } catch (error) {
      if (error instanceof PaymentMismatch) return { outcome: `refused: ${error.code}: ${error.message}`, refusal: error };
      // Read again once: another request may have moved the order a moment ago (e.g. expired it, which a payment may still follow).
      if (error instanceof TransitionNotAllowed && attempt >= 2) {
        console.warn(`[stripe webhook] ${event.type} ${event.id} not applied, for the admin to see: ${error.message}`);
        return { outcome: `not applied: ${error.code}: ${error.message}` };
      }
      if (!(error instanceof TransitionNotAllowed)) throw error;
    }
  }
}

/** The event, if the body is what Stripe signed for this endpoint within the replay window. */
export function verifiedStripeEvent({ rawBody, signature }: StripeWebhookRequest, webhookSecret: string, now: Date): Stripe.Event {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature ?? '', webhookSecret, REPLAY_WINDOW_SECONDS, undefined, now.getTime());
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new WebhookSignatureInvalid(error.message);
    throw new RequestRefused('BAD_REQUEST', `signed, but not an event: ${error instanceof Error ? error.message : error}`);
  }
  if (typeof event?.id !== 'string' || typeof event.type !== 'string' || typeof event.data?.object !== 'object') {
    throw new RequestRefused('BAD_REQUEST', 'signed, but not an event (id, type, data.object)');
  }
  return event;
}

/**
 * One delivery of Stripe's webhook: 200 with what it did (or did before, for a repeated event
 * id). Throws WebhookSignatureInvalid (400), PaymentMismatch (422, recorded), WebhookTooEarly
 * (409) and BAD_REQUEST (400) or a database outage (503), the last three kept to be retried.
 */
export async function handleStripeWebhook(db: Db, request: StripeWebhookRequest, deps: StripeWebhookDeps): Promise<StripeWebhookAnswer> {
  const event = verifiedStripeEvent(request, deps.webhookSecret, deps.now);
  const payload = typeof request.rawBody === 'string' ? request.rawBody : request.rawBody.toString('utf8');
  const { ctx } = deps;
  const context: EventContext = { db, eventId: event.id, now: deps.now, ctx: typeof ctx === 'function' ? ctx : async () => ctx };
  const processed = await processOnce(db, { provider: 'stripe', eventId: event.id, type: event.type, payload }, deps.now, () => apply(event, context));
  return { status: 200, ...processed };
}
