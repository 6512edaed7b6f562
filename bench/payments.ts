// npm run bench -- payments: placing and paying an order with the test provider, and Stripe's
// webhook handler, on SQLite and PostgreSQL, each against the bare minimum in the same run:
//   - place + pay (two transactions: the order, then settle on "Pay") against placing alone
//     (one transaction, what "Place order" cost before payments existed);
//   - the webhook for a paid Checkout Session (signature, the event kept in the inbox, settle)
//     against the signature check plus settleOrder with no inbox (what any paid webhook must do),
//     and a repeated event (answered from the inbox) against the signature check alone.
// Prints figures and ratios; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import type { Db } from '../lib/db/client';
import { placeOrder, type PlaceOrderContext } from '../lib/checkout/place-order';
import { orderLinkRing } from '../lib/order-access/links';
import { completeTestPayment } from '../lib/payments/providers/test';
import { settleOrder } from '../lib/payments/settle';
import { handleStripeWebhook, verifiedStripeEvent } from '../lib/payments/stripe-webhook';
import type { Provider } from '../lib/db/schema-files';
import { APP_KEYS, benchDatabase, CUSTOMER, median, report } from './support';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 150);
const ROUNDS = 3;
const SLUG = 'paper-engineering-plugin';
const WEBHOOK_SECRET = 'whsec_bench0123456789abcdefghijklmnopqrstuvwxyz';

const context = (provider: 'test' | 'stripe'): PlaceOrderContext => ({
  ring: orderLinkRing([APP_KEYS]), publicUrl: 'http://127.0.0.1', now: new Date(), provider, payWithinMs: 86_400_000,
});

/** Milliseconds per operation: `ORDERS` runs one after the other (a shop's request is one order). */
async function msPer(run: (index: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let index = 0; index < ORDERS; index += 1) await run(index);
  return Number(process.hrtime.bigint() - start) / 1e6 / ORDERS;
}

const place = (db: Db, provider: 'test' | 'stripe') => placeOrder(db, [{ slug: SLUG, quantity: 1 }], CUSTOMER, context(provider));

function sessionCompleted(number: string, totalCents: number, index: number) {
  const payload = JSON.stringify({
    id: `evt_bench_${number}_${index}`, object: 'event', type: 'checkout.session.completed', api_version: '2025-01-27.acacia', created: Math.floor(Date.now() / 1000),
    data: { object: {
      id: `cs_bench_${number}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', amount_total: totalCents, currency: 'eur',
      client_reference_id: number, metadata: { order_number: number }, payment_intent: `pi_bench_${number}`,
    } },
  });
  return { rawBody: payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
}

async function benchOn(provider: Provider, dir: string) {
  const database = await benchDatabase(provider, path.join(dir, `payments-${provider}.db`));
  const { db } = database;
  try {
    const ctx = context('test');
    const placing: number[] = [];
    const placingAndPaying: number[] = [];
    const webhook: number[] = [];
    const verifyAndSettle: number[] = [];
    const repeated: number[] = [];
    const verifyOnly: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      placing.push(await msPer(() => place(db, 'test')));
      placingAndPaying.push(await msPer(async () => {
        const { number } = await place(db, 'test');
        await completeTestPayment(db, number, 'pay', ctx, new Date());
      }));
      // Stripe orders placed beforehand: the figures below time the webhook alone.
      const forWebhook = await Promise.all(Array.from({ length: ORDERS }, () => place(db, 'stripe')));
      const forBaseline = await Promise.all(Array.from({ length: ORDERS }, () => place(db, 'stripe')));
      const totals = new Map((await db.order.findMany({ select: { number: true, totalCents: true, id: true } })).map((o) => [o.number, o]));
      const events = forWebhook.map(({ number }, index) => sessionCompleted(number, totals.get(number)!.totalCents, index));
      webhook.push(await msPer((index) => handleStripeWebhook(db, events[index], { webhookSecret: WEBHOOK_SECRET, ctx, now: new Date() })));
      const baselineEvents = forBaseline.map(({ number }, index) => sessionCompleted(number, totals.get(number)!.totalCents, index));
      verifyAndSettle.push(await msPer(async (index) => {
        const event = verifiedStripeEvent(baselineEvents[index], WEBHOOK_SECRET, new Date());
        const session = event.data.object as Stripe.Checkout.Session;
        const order = totals.get(session.client_reference_id!)!;
        await db.$transaction((tx) => settleOrder(tx, order.id, {
          provider: 'stripe', reference: String(session.payment_intent), amountCents: session.amount_total!, currency: session.currency!, actor: 'stripe', reason: 'bench',
        }, ctx, new Date()));
      }));
      repeated.push(await msPer((index) => handleStripeWebhook(db, events[index], { webhookSecret: WEBHOOK_SECRET, ctx, now: new Date() })));
      verifyOnly.push(await msPer(async (index) => verifiedStripeEvent(events[index], WEBHOOK_SECRET, new Date())));
    }
    const ms = (value: number) => `${value.toFixed(2)} ms/order`;
    const pair = (figure: number[], baseline: number[]) => [median(figure), median(baseline)] as const;
    console.log(`\nPayments on ${provider} (${ORDERS} orders a round, ${ROUNDS} rounds, medians; lower is better, ratio = baseline / figure)`);
    let [f, b] = pair(placingAndPaying, placing);
    report('place + pay on the test page (2 transactions)', ms(f), `place only ${ms(b)}`, b / f);
    [f, b] = pair(webhook, verifyAndSettle);
    report('Stripe webhook, checkout.session.completed', ms(f), `signature + settleOrder, no inbox ${ms(b)}`, b / f);
    [f, b] = pair(repeated, verifyOnly);
    report('Stripe webhook, the same event again (answered from the inbox)', ms(f), `signature check only ${ms(b)}`, b / f);
  } finally {
    await database.drop();
  }
}

export async function benchPayments(providers: Provider[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-payments-'));
  try {
    for (const provider of providers) await benchOn(provider, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPayments(['sqlite', 'postgresql']);
