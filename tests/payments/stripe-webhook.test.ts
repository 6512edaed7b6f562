// Stripe's webhook with real signatures (the stripe library's generateTestHeaderString): an
// order is paid once, whatever is repeated; forged, stale and mismatched deliveries change
// nothing; events that arrive before the payment they follow wait and are applied on retry;
// refunds and disputes made in Stripe take back what the order granted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { cancelOrder } from '@/lib/payments/unpaid';
import { refundOrder } from '@/lib/payments/refund';
import { RequestRefused } from '@/lib/errors';
import { processOnce } from '@/lib/payments/inbox';
import { PaymentMismatch, WebhookSignatureInvalid, WebhookTooEarly } from '@/lib/payments/errors';
import { stripeProvider } from '@/lib/payments/providers/stripe';
import { REPLAY_WINDOW_SECONDS } from '@/lib/payments/stripe-webhook';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import {
  disputeOf, redelivered, signedEvent, startStripeApi, stripeShop, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, type StripeApi,
} from '../support/stripe-api';

const ring = deriveKeyRing(['stripe-webhook-test-key-0123456789abcdefg'], ORDER_LINK_PURPOSE);
const publicUrl = 'https://shop.example';
const now = new Date('2026-12-01T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

let api: StripeApi;
beforeAll(async () => { api = await startStripeApi(STRIPE_SECRET_KEY); });
afterAll(async () => { await api?.close(); });

describe.each(PROVIDERS_UNDER_TEST)('the Stripe webhook on %s', (dbProvider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(dbProvider); });
  afterAll(async () => { await test?.close(); });

  const provider = () => stripeProvider({ secretKey: STRIPE_SECRET_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET, apiUrl: api.url }, { now: () => now });
  const shop = () => stripeShop(() => test.db, api, provider(), { ring, publicUrl, now });
  const event = (type: string, object: Record<string, unknown>, at = now) => signedEvent(type, object, STRIPE_WEBHOOK_SECRET, at);

  /** What the buyer would notice: the order's status, its licence and grants, its emails. */
  async function seen(orderId: number) {
    const order = await test.db.order.findUniqueOrThrow({ where: { id: orderId } });
    const licences = await test.db.license.findMany({ where: { orderId } });
    const grants = await test.db.accessGrant.findMany({ where: { orderId } });
    const mails = await test.db.outboxMessage.findMany({ where: { orderId }, orderBy: { id: 'asc' } });
    return {
      status: order.status, paidCents: order.paidCents, refundedCents: order.refundedCents, reference: order.paymentReference,
      licences: licences.map((licence) => licence.status), grantsRevoked: grants.map((grant) => grant.revokedAt !== null), mails: mails.map((mail) => mail.kind),
    };
  }
  const storedEvent = (eventId: string) => test.db.paymentEvent.findUnique({ where: { provider_eventId: { provider: 'stripe', eventId } } });

  it('marks the order paid once: a repeated event, or another event for the same payment, grants and mails nothing again', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number);
    expect(await seen(id)).toMatchObject({ status: 'awaiting_payment', licences: [], grantsRevoked: [], mails: [] });

    const completed = event('checkout.session.completed', session);
    await expect(shop().deliver(completed)).resolves.toMatchObject({ status: 200, repeated: false, outcome: `paid: order ${number}` });
    const paid = await seen(id);
    expect(paid).toMatchObject({ status: 'paid', reference: session.payment_intent, licences: ['active'], grantsRevoked: [false, false], mails: ['order-confirmation'] });
    expect(paid.paidCents).toBe((await test.db.order.findUniqueOrThrow({ where: { id } })).totalCents);

    // Stripe delivers the same event again an hour later (signed anew): answered from the inbox.
    await expect(shop().deliver(redelivered(completed, STRIPE_WEBHOOK_SECRET, later(3600)), later(3600)))
      .resolves.toMatchObject({ status: 200, repeated: true, outcome: `paid: order ${number}` });
    // async_payment_succeeded for the same payment: settled already.
    await expect(shop().deliver(event('checkout.session.async_payment_succeeded', session))).resolves.toMatchObject({ outcome: `already paid: order ${number}` });
    expect(await seen(id)).toEqual(paid);
    expect(await storedEvent(completed.eventId)).toMatchObject({ type: 'checkout.session.completed', payload: completed.payload, processedAt: now });
  });

  it('refuses a forged, unsigned or wrongly signed delivery (400) and keeps nothing of it', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number);
    const genuine = event('checkout.session.completed', session);
    const forgedBody = { ...genuine, payload: genuine.payload.replace(`"${number}"`, '"00000000"') };
    const otherSecret = signedEvent('checkout.session.completed', session, 'whsec_someone_elses_secret_0123456', now);
    for (const delivery of [forgedBody, { ...genuine, signature: '' }, { ...genuine, signature: 't=1,v1=deadbeef' }, otherSecret]) {
      await expect(shop().deliver(delivery)).rejects.toBeInstanceOf(WebhookSignatureInvalid);
    }
    expect(await storedEvent(genuine.eventId)).toBeNull();
    expect(await storedEvent(otherSecret.eventId)).toBeNull();
    expect(await seen(id)).toMatchObject({ status: 'awaiting_payment', licences: [], mails: [] });
  });

  it('refuses a signature older than the replay window; one just inside it is taken', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number);
    const delivery = event('checkout.session.completed', session);
    await expect(shop().deliver(delivery, later(REPLAY_WINDOW_SECONDS + 1))).rejects.toBeInstanceOf(WebhookSignatureInvalid);
    expect(await storedEvent(delivery.eventId)).toBeNull();
    expect((await seen(id)).status).toBe('awaiting_payment');
    await expect(shop().deliver(delivery, later(REPLAY_WINDOW_SECONDS - 1))).resolves.toMatchObject({ outcome: `paid: order ${number}` });
  });

  it('refuses a payment whose amount or currency is not the order\'s (422), records why, and leaves the order unpaid', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number);
    const short = event('checkout.session.completed', { ...session, amount_total: Number(session.amount_total) - 1 });
    await expect(shop().deliver(short)).rejects.toBeInstanceOf(PaymentMismatch);
    expect(await storedEvent(short.eventId)).toMatchObject({ processedAt: now, outcome: expect.stringMatching(/^refused: PAYMENT_MISMATCH/) });
    const dollars = event('checkout.session.completed', { ...session, currency: 'usd' });
    await expect(shop().deliver(dollars)).rejects.toBeInstanceOf(PaymentMismatch);
    expect(await seen(id)).toMatchObject({ status: 'awaiting_payment', licences: [], mails: [] });
    // Stripe retries the refused delivery: it is done, nothing changes.
    await expect(shop().deliver(redelivered(short, STRIPE_WEBHOOK_SECRET, later(60)), later(60))).resolves.toMatchObject({ repeated: true });
    expect((await seen(id)).status).toBe('awaiting_payment');
  });

  it('a refund that arrives before the payment: 409 and kept, then applied on Stripe\'s retry', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number);
    const paymentIntent = String(session.payment_intent);
    const { totalCents } = await test.db.order.findUniqueOrThrow({ where: { id } });
    api.refundInDashboard(paymentIntent, totalCents);
    const refunded = event('charge.refunded', api.chargeOf(paymentIntent));
    await expect(shop().deliver(refunded)).rejects.toBeInstanceOf(WebhookTooEarly);
    expect(await storedEvent(refunded.eventId)).toMatchObject({ processedAt: null, outcome: expect.stringMatching(/^waiting: WEBHOOK_TOO_EARLY/) });

    await shop().deliver(event('checkout.session.completed', session, later(5)), later(5));
    expect(await seen(id)).toMatchObject({ status: 'paid', licences: ['active'] });
    await expect(shop().deliver(redelivered(refunded, STRIPE_WEBHOOK_SECRET, later(60)), later(60)))
      .resolves.toMatchObject({ repeated: false, outcome: `refunded ${totalCents}: order ${number} is refunded` });
    expect(await seen(id)).toMatchObject({
      status: 'refunded', refundedCents: totalCents, licences: ['revoked'], grantsRevoked: [true, true], mails: ['order-confirmation', 'order-refunded'],
    });
    expect(await storedEvent(refunded.eventId)).toMatchObject({ processedAt: later(60) });
    const [stored] = await test.db.refund.findMany({ where: { orderId: id } });
    expect(stored).toMatchObject({ actor: 'stripe', status: 'succeeded', amountCents: totalCents, requestKey: `stripe:${refunded.eventId}` });
  });

  it('a partial refund in Stripe gives money back and keeps every line', async () => {
    const { number, id, paymentIntent } = await shop().paidOrder();
    api.refundInDashboard(paymentIntent, 300);
    await expect(shop().deliver(event('charge.refunded', api.chargeOf(paymentIntent)))).resolves.toMatchObject({ outcome: `refunded 300: order ${number} is partially_refunded` });
    expect(await seen(id)).toMatchObject({
      status: 'partially_refunded', refundedCents: 300, licences: ['active'], grantsRevoked: [false, false], mails: ['order-confirmation', 'order-refunded'],
    });
    // A second partial refund: only what is new is recorded; an older event arriving late adds nothing.
    const first = event('charge.refunded', api.chargeOf(paymentIntent));
    api.refundInDashboard(paymentIntent, 200);
    await expect(shop().deliver(event('charge.refunded', api.chargeOf(paymentIntent)))).resolves.toMatchObject({ outcome: `refunded 200: order ${number} is partially_refunded` });
    await expect(shop().deliver(first)).resolves.toMatchObject({ outcome: expect.stringMatching(/^nothing new/) });
    expect((await seen(id)).refundedCents).toBe(500);
  });

  it('a refund the shop made itself is not recorded twice when Stripe reports it', async () => {
    const { number, id, paymentIntent } = await shop().paidOrder();
    await refundOrder(test.db, provider(), { number, lines: [], amountCents: 400, reason: 'goodwill', actor: 'admin', requestKey: `admin-${number}` }, { ring, publicUrl }, now);
    await expect(shop().deliver(event('charge.refunded', api.chargeOf(paymentIntent)))).resolves.toMatchObject({ outcome: expect.stringMatching(/^nothing new/) });
    expect(await seen(id)).toMatchObject({ status: 'partially_refunded', refundedCents: 400, mails: ['order-confirmation', 'order-refunded'] });
  });

  it('a dispute takes back everything the order granted', async () => {
    const { number, id, paymentIntent } = await shop().paidOrder();
    const dispute = event('charge.dispute.created', disputeOf(api.chargeOf(paymentIntent)));
    await expect(shop().deliver(dispute)).resolves.toMatchObject({ outcome: `disputed: order ${number}` });
    expect(await seen(id)).toMatchObject({ status: 'disputed', licences: ['revoked'], grantsRevoked: [true, true] });
    await expect(shop().deliver(redelivered(dispute, STRIPE_WEBHOOK_SECRET, later(30)), later(30))).resolves.toMatchObject({ repeated: true });
  });

  it('a dispute that is lost ends the order refunded; one that is won leaves it disputed', async () => {
    const lost = await shop().paidOrder();
    const lostDispute = disputeOf(api.chargeOf(lost.paymentIntent));
    await shop().deliver(event('charge.dispute.created', lostDispute));
    await expect(shop().deliver(event('charge.dispute.closed', { ...lostDispute, status: 'lost' }))).resolves.toMatchObject({ outcome: `dispute lost: order ${lost.number} is refunded` });
    const order = await test.db.order.findUniqueOrThrow({ where: { id: lost.id } });
    expect(order).toMatchObject({ status: 'refunded', refundedCents: order.paidCents });
    const won = await shop().paidOrder();
    const wonDispute = disputeOf(api.chargeOf(won.paymentIntent));
    await shop().deliver(event('charge.dispute.created', wonDispute));
    await shop().deliver(event('charge.dispute.closed', { ...wonDispute, status: 'won' }));
    expect(await seen(won.id)).toMatchObject({ status: 'disputed', licences: ['revoked'] });
  });

  it('a payment for an order cancelled meanwhile is recorded for the admin (200) and grants nothing', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number);
    await cancelOrder(test.db, id, { actor: 'admin', reason: 'out of stock', at: now });
    const completed = event('checkout.session.completed', session);
    await expect(shop().deliver(completed)).resolves.toMatchObject({ status: 200, outcome: expect.stringMatching(/^not applied: TRANSITION_NOT_ALLOWED/) });
    expect(await seen(id)).toMatchObject({ status: 'cancelled', licences: [], mails: [] });
    expect(await storedEvent(completed.eventId)).toMatchObject({ processedAt: now, outcome: expect.stringContaining('cancelled') });
  });

  it('an asynchronous payment: completed unpaid waits, then fails; the buyer may pay again', async () => {
    const { number, id } = await shop().place();
    const session = await shop().checkout(number, 'unpaid');
    await expect(shop().deliver(event('checkout.session.completed', session))).resolves.toMatchObject({ outcome: expect.stringMatching(/^noted: /) });
    expect((await seen(id)).status).toBe('awaiting_payment');
    await expect(shop().deliver(event('checkout.session.async_payment_failed', session))).resolves.toMatchObject({ outcome: `payment failed: order ${number}` });
    expect(await seen(id)).toMatchObject({ status: 'payment_failed', licences: [], mails: [] });
  });

  it('keeps events it does not act on, and those naming no order of this shop, and answers 200', async () => {
    const other = event('customer.created', { id: 'cus_test_1', object: 'customer' });
    await expect(shop().deliver(other)).resolves.toMatchObject({ status: 200, outcome: 'ignored: customer.created' });
    expect(await storedEvent(other.eventId)).toMatchObject({ type: 'customer.created', processedAt: now });
    const foreign = event('checkout.session.completed', {
      id: 'cs_test_foreign', object: 'checkout.session', mode: 'payment', payment_status: 'paid', amount_total: 100, currency: 'eur',
      client_reference_id: null, metadata: { order_number: '99999999' }, payment_intent: 'pi_test_foreign',
    });
    await expect(shop().deliver(foreign)).resolves.toMatchObject({ outcome: expect.stringMatching(/^ignored: /) });
    const foreignCharge = event('charge.refunded', {
      id: 'ch_test_foreign', object: 'charge', amount: 100, amount_refunded: 100, currency: 'eur', refunded: true, payment_intent: 'pi_test_foreign', metadata: { order_number: '99999999' },
    });
    await expect(shop().deliver(foreignCharge)).resolves.toMatchObject({ outcome: expect.stringMatching(/^ignored: /) });
  });

  it('a signed event of a shape it cannot read: 400, kept unprocessed to be applied after a fix', async () => {
    const odd = event('charge.refunded', { id: 'ch_test_odd', object: 'charge', amount: '12.00', currency: 'eur' });
    await expect(shop().deliver(odd)).rejects.toSatisfy((error) => error instanceof RequestRefused && error.code === 'BAD_REQUEST');
    expect(await storedEvent(odd.eventId)).toMatchObject({ processedAt: null, outcome: expect.stringMatching(/^waiting: BAD_REQUEST: unexpected event object: amount/) });
  });

  it('an event applied while the database fails stays unprocessed and is applied on the retry', async () => {
    const delivery = { provider: 'stripe', eventId: `evt_test_outage_${dbProvider}`, type: 'charge.refunded', payload: '{}' };
    const outage = Object.assign(new Error("Can't reach database server"), { code: 'P1001' });
    await expect(processOnce(test.db, delivery, now, async () => { throw outage; })).rejects.toBe(outage);
    expect(await storedEvent(delivery.eventId)).toMatchObject({ processedAt: null, outcome: expect.stringMatching(/^waiting: /) });
    await expect(processOnce(test.db, delivery, later(30), async () => ({ outcome: 'applied' }))).resolves.toEqual({ outcome: 'applied', repeated: false });
    await expect(processOnce(test.db, delivery, later(60), async () => { throw new Error('applied twice'); })).resolves.toEqual({ outcome: 'applied', repeated: true });
  });
});
