// Refunds (lib/payments/refund.ts): money back within what was paid, lines taken back with
// everything they granted, one refund per request key however often or concurrently it comes,
// and a provider that times out or refuses leaves nothing half done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { refundOrder, disputeOrder, type RefundPayer, type RefundRequest } from '@/lib/payments/refund';
import { testProvider } from '@/lib/payments/providers/test';
import type { RefundRequest as ProviderRefundRequest } from '@/lib/payments/provider';
import { ProviderRefused, ProviderUnavailable, RefundEmpty, RefundLineUnknown, RefundTooLarge } from '@/lib/payments/errors';
import { TransitionNotAllowed } from '@/lib/order-states/errors';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder, testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['refunds-test-key-0123456789abcdefghijklm'], ORDER_LINK_PURPOSE);
const now = new Date('2026-12-06T10:00:00Z');
const later = new Date(now.getTime() + 3_600_000);
const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
const buyer = { email: 'rita@example.com', fullName: 'Rita Refund', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };
/** Two downloads, an article and a pass: each line grants something a refund must take back. */
const LINES = ['printable-card-templates', 'svg-cut-files', 'article-how-pop-ups-work', 'studio-pass'].map((slug) => ({ slug, quantity: 1 }));

let keys = 0;
const requestKey = () => `refund-${(keys += 1)}`;

/** A provider that records each refund call and answers as told. */
function recordingPayer(answer: (call: ProviderRefundRequest) => Promise<{ providerRefundId: string | null }>) {
  const calls: ProviderRefundRequest[] = [];
  const payer: RefundPayer = { ...testProvider(), async refund(call) { calls.push(call); return answer(call); } };
  return { payer, calls };
}

describe.each(PROVIDERS_UNDER_TEST)('refunds on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  async function paidOrder() {
    const { number } = await placePaidOrder(test.db, LINES, buyer, ctx);
    return test.db.order.findUniqueOrThrow({ where: { number }, include: { items: { orderBy: { id: 'asc' }, include: { product: true } } } });
  }
  /** Everything a refund may change, to compare before and after. */
  async function stateOf(orderId: number) {
    const order = await test.db.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { items: { orderBy: { id: 'asc' } }, licenses: { orderBy: { id: 'asc' } }, accessGrants: { orderBy: { id: 'asc' } }, refunds: { orderBy: { id: 'asc' } } },
    });
    const mails = await test.db.outboxMessage.findMany({ where: { orderId, kind: 'order-refunded' } });
    return {
      status: order.status, paidCents: order.paidCents, refundedCents: order.refundedCents,
      lines: order.items.map((item) => ({ takenBackAt: item.takenBackAt, refundId: item.refundId })),
      licenses: order.licenses.map((license) => license.status), grants: order.accessGrants.map((grant) => grant.revokedAt),
      refunds: order.refunds.map((refund) => ({ status: refund.status, amountCents: refund.amountCents, requestKey: refund.requestKey })),
      refundMails: mails.length,
    };
  }
  const request = (number: string, changes: Partial<RefundRequest> = {}): RefundRequest =>
    ({ number, lines: 'all', amountCents: 0, reason: 'customer asked', actor: 'admin', requestKey: requestKey(), ...changes });

  it('refunds the whole order: refunded, every licence and grant revoked, one refund mail, through the provider', async () => {
    const order = await paidOrder();
    const { payer, calls } = recordingPayer(async () => ({ providerRefundId: 're_whole' }));
    const key = requestKey();
    const outcome = await refundOrder(test.db, payer, request(order.number, { amountCents: order.paidCents, requestKey: key }), ctx, later);
    expect(outcome).toMatchObject({ status: 'refunded', repeated: false });
    expect(calls).toEqual([{ paymentReference: order.paymentReference, amountCents: order.paidCents, currency: order.currency, idempotencyKey: key }]);
    const state = await stateOf(order.id);
    expect(state).toMatchObject({ status: 'refunded', refundedCents: order.paidCents, refundMails: 1, licenses: ['revoked', 'revoked'] });
    expect(state.grants).toEqual([later, later]);
    expect(state.lines.every((line) => line.takenBackAt?.getTime() === later.getTime() && line.refundId === outcome.refundId)).toBe(true);
    expect(await test.db.refund.findUniqueOrThrow({ where: { id: outcome.refundId } })).toMatchObject({ status: 'succeeded', providerRefundId: 're_whole', settledAt: later, amountCents: order.paidCents });
    const event = await test.db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, toStatus: 'refunded' } });
    expect(event).toMatchObject({ fromStatus: 'paid', actor: 'admin', reason: 'customer asked', amountCents: order.paidCents, at: later });
    const mail = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, kind: 'order-refunded' } });
    expect(mail.recipient).toBe(buyer.email);
    for (const item of order.items) expect(mail.text).toContain(item.productName);
    // A refunded order is the end: nothing more to refund.
    await expect(refundOrder(test.db, payer, request(order.number, { amountCents: 1, lines: [] }), ctx, later)).rejects.toBeInstanceOf(TransitionNotAllowed);
  });

  it('records a refund the provider already made ({ alreadyRefunded }) without asking it again', async () => {
    const order = await paidOrder();
    const outcome = await refundOrder(test.db, { alreadyRefunded: 're_from_webhook' }, request(order.number, { amountCents: order.paidCents }), ctx, later);
    expect(outcome.status).toBe('refunded');
    expect(await test.db.refund.findUniqueOrThrow({ where: { id: outcome.refundId } })).toMatchObject({ status: 'succeeded', providerRefundId: 're_from_webhook' });
    expect(await stateOf(order.id)).toMatchObject({ status: 'refunded', refundedCents: order.paidCents, licenses: ['revoked', 'revoked'], refundMails: 1 });
  });

  it('refunds one line: partially refunded, only that line\'s licence revoked, the rest still the buyer\'s', async () => {
    const order = await paidOrder();
    const [templates, svg] = order.items;
    const outcome = await refundOrder(test.db, testProvider(), request(order.number, { lines: [templates.id], amountCents: templates.lineTotalCents }), ctx, later);
    expect(outcome.status).toBe('partially_refunded');
    const state = await stateOf(order.id);
    expect(state).toMatchObject({ status: 'partially_refunded', refundedCents: templates.lineTotalCents, licenses: ['revoked', 'active'], grants: [null, null], refundMails: 1 });
    expect(state.lines.map((line) => line.takenBackAt !== null)).toEqual([true, false, false, false]);
    const licenses = await test.db.license.findMany({ where: { orderId: order.id } });
    expect(licenses.find((license) => license.orderItemId === svg.id)?.status).toBe('active');
    // The same line again is unknown now; the rest of the money takes every line left.
    await expect(refundOrder(test.db, testProvider(), request(order.number, { lines: [templates.id], amountCents: 0 }), ctx, later)).rejects.toBeInstanceOf(RefundLineUnknown);
    const rest = order.paidCents - templates.lineTotalCents;
    expect((await refundOrder(test.db, testProvider(), request(order.number, { lines: 'all', amountCents: rest }), ctx, later)).status).toBe('refunded');
    expect(await stateOf(order.id)).toMatchObject({ status: 'refunded', refundedCents: order.paidCents, licenses: ['revoked', 'revoked'], grants: [later, later], refundMails: 2 });
  });

  it('takes an article line back: its grant is revoked, the pass stays', async () => {
    const order = await paidOrder();
    const article = order.items.find((item) => item.product.kind === 'article')!;
    await refundOrder(test.db, { alreadyRefunded: null }, request(order.number, { lines: [article.id], amountCents: 0 }), ctx, later);
    const grants = await test.db.accessGrant.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } });
    expect(grants.map((grant) => [grant.orderItemId === article.id, grant.revokedAt])).toEqual([[true, later], [false, null]]);
    expect(await stateOf(order.id)).toMatchObject({ status: 'partially_refunded', refundedCents: 0, licenses: ['active', 'active'] });
  });

  it('refuses more than was paid and not yet refunded (RefundTooLarge), an empty refund, and a foreign line; nothing changes', async () => {
    const order = await paidOrder();
    const other = await paidOrder();
    const before = await stateOf(order.id);
    const refusals: [Partial<RefundRequest>, new (...args: never[]) => Error][] = [
      [{ amountCents: order.paidCents + 1 }, RefundTooLarge],
      [{ amountCents: -1 }, RefundTooLarge],
      [{ amountCents: 0.5 }, RefundTooLarge],
      [{ lines: [], amountCents: 0 }, RefundEmpty],
      [{ lines: [other.items[0].id], amountCents: 100 }, RefundLineUnknown],
      [{ lines: [order.items[0].id, other.items[0].id], amountCents: 0 }, RefundLineUnknown],
    ];
    for (const [changes, error] of refusals) {
      await expect(refundOrder(test.db, testProvider(), request(order.number, changes), ctx, later), JSON.stringify(changes)).rejects.toBeInstanceOf(error);
    }
    expect(await stateOf(order.id)).toEqual(before);
    expect(await test.db.refund.count({ where: { orderId: order.id } })).toBe(0);

    // After a partial refund, only the rest may still be given back.
    await refundOrder(test.db, testProvider(), request(order.number, { lines: [], amountCents: 500 }), ctx, later);
    const afterPartial = await stateOf(order.id);
    expect(afterPartial).toMatchObject({ status: 'partially_refunded', refundedCents: 500, licenses: ['active', 'active'] });
    await expect(refundOrder(test.db, testProvider(), request(order.number, { lines: [], amountCents: order.paidCents - 500 + 1 }), ctx, later)).rejects.toBeInstanceOf(RefundTooLarge);
    expect(await stateOf(order.id)).toEqual(afterPartial);
    // The near miss: exactly the rest is fine.
    expect((await refundOrder(test.db, testProvider(), request(order.number, { lines: [], amountCents: order.paidCents - 500 }), ctx, later)).status).toBe('refunded');
  });

  it('refunds once for the same request key, repeated one after the other', async () => {
    const order = await paidOrder();
    const { payer, calls } = recordingPayer(async () => ({ providerRefundId: 're_once' }));
    const same = request(order.number, { lines: [order.items[0].id], amountCents: 300 });
    const first = await refundOrder(test.db, payer, same, ctx, later);
    const second = await refundOrder(test.db, payer, same, ctx, later);
    expect(first.repeated).toBe(false);
    expect(second).toEqual({ refundId: first.refundId, status: 'partially_refunded', repeated: true });
    expect(calls).toHaveLength(1);
    expect(await stateOf(order.id)).toMatchObject({ refundedCents: 300, refunds: [{ status: 'succeeded', amountCents: 300, requestKey: same.requestKey }], refundMails: 1 });
    // The key belongs to this order: used for another, it refunds nothing there.
    const other = await paidOrder();
    await expect(refundOrder(test.db, payer, { ...same, number: other.number }, ctx, later)).rejects.toBeInstanceOf(RefundEmpty);
    expect(await stateOf(other.id)).toMatchObject({ status: 'paid', refundedCents: 0, refunds: [] });
  });

  it.each([
    ['the whole order', 'all' as const, (paid: number) => paid],
    ['a part', [] as number[], () => 250],
  ])('refunds once for the same request key sent twice at the same moment (%s)', async (_, lines, amount) => {
    for (let round = 0; round < 3; round += 1) {
      const order = await paidOrder();
      const { payer, calls } = recordingPayer(async () => ({ providerRefundId: 're_concurrent' }));
      const same = request(order.number, { lines, amountCents: amount(order.paidCents) });
      const outcomes = await Promise.all([refundOrder(test.db, payer, same, ctx, later), refundOrder(test.db, payer, same, ctx, later)]);
      expect(new Set(outcomes.map((outcome) => outcome.refundId)).size).toBe(1);
      expect(outcomes.filter((outcome) => !outcome.repeated).length).toBeGreaterThanOrEqual(1);
      // The later request may find the refund still pending and resume it: the provider then
      // sees the same idempotency key twice, and gives the money back once.
      expect(calls.length).toBeGreaterThanOrEqual(1);
      expect(new Set(calls.map((call) => call.idempotencyKey))).toEqual(new Set([same.requestKey]));
      const state = await stateOf(order.id);
      expect(state).toMatchObject({ refundedCents: amount(order.paidCents), refundMails: 1 });
      expect(state.refunds).toEqual([{ status: 'succeeded', amountCents: amount(order.paidCents), requestKey: same.requestKey }]);
    }
  });

  it('keeps a refund pending when the provider does not answer, and completes it once with the same key later', async () => {
    const order = await paidOrder();
    const [templates] = order.items;
    const down = recordingPayer(async () => { throw new ProviderUnavailable('timeout'); });
    const same = request(order.number, { lines: [templates.id], amountCents: 400 });
    await expect(refundOrder(test.db, down.payer, same, ctx, later)).rejects.toBeInstanceOf(ProviderUnavailable);
    const pending = await stateOf(order.id);
    // Reserved, not done: the money and the line are held, nothing is revoked, nobody is mailed.
    expect(pending).toMatchObject({ status: 'paid', refundedCents: 400, licenses: ['active', 'active'], grants: [null, null], refundMails: 0 });
    expect(pending.refunds).toEqual([{ status: 'pending', amountCents: 400, requestKey: same.requestKey }]);
    expect(pending.lines[0]).toMatchObject({ takenBackAt: null, refundId: expect.any(Number) });
    // Another refund cannot take the reserved money or line meanwhile.
    await expect(refundOrder(test.db, testProvider(), request(order.number, { lines: [templates.id], amountCents: 0 }), ctx, later)).rejects.toBeInstanceOf(RefundLineUnknown);
    await expect(refundOrder(test.db, testProvider(), request(order.number, { lines: [], amountCents: order.paidCents - 400 + 1 }), ctx, later)).rejects.toBeInstanceOf(RefundTooLarge);

    const up = recordingPayer(async () => ({ providerRefundId: 're_after_timeout' }));
    const resumed = await refundOrder(test.db, up.payer, same, ctx, later);
    expect(resumed).toMatchObject({ status: 'partially_refunded', repeated: false });
    expect([...down.calls, ...up.calls].map((call) => call.idempotencyKey)).toEqual([same.requestKey, same.requestKey]);
    expect(await refundOrder(test.db, up.payer, same, ctx, later)).toMatchObject({ refundId: resumed.refundId, repeated: true });
    expect(up.calls).toHaveLength(1);
    const done = await stateOf(order.id);
    expect(done).toMatchObject({ status: 'partially_refunded', refundedCents: 400, licenses: ['revoked', 'active'], refundMails: 1 });
    expect(done.refunds).toEqual([{ status: 'succeeded', amountCents: 400, requestKey: same.requestKey }]);
  });

  it('leaves a pending refund\'s line and money to it while another refund settles, and ends refunded when it completes', async () => {
    const order = await paidOrder();
    const held = order.items[0];
    const down = recordingPayer(async () => { throw new ProviderUnavailable('timeout'); });
    const first = request(order.number, { lines: [held.id], amountCents: 400 });
    await expect(refundOrder(test.db, down.payer, first, ctx, later)).rejects.toBeInstanceOf(ProviderUnavailable);
    // Everything else, money and lines: not all of it is back while the first refund waits.
    const rest = await refundOrder(test.db, testProvider(), request(order.number, { lines: 'all', amountCents: order.paidCents - 400 }), ctx, later);
    expect(rest.status).toBe('partially_refunded');
    const meanwhile = await stateOf(order.id);
    expect(meanwhile).toMatchObject({ status: 'partially_refunded', refundedCents: order.paidCents, licenses: ['active', 'revoked'], refundMails: 1 });
    expect(meanwhile.lines.map((line) => line.takenBackAt !== null)).toEqual([false, true, true, true]);
    // The first one completes: now it is all back.
    expect(await refundOrder(test.db, testProvider(), first, ctx, later)).toMatchObject({ status: 'refunded', repeated: false });
    const done = await stateOf(order.id);
    expect(done).toMatchObject({ status: 'refunded', refundedCents: order.paidCents, licenses: ['revoked', 'revoked'], grants: [later, later], refundMails: 2 });
    expect(done.refunds.map((refund) => refund.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('undoes the reservation when the provider refuses: the money and the lines are free again', async () => {
    const order = await paidOrder();
    const before = await stateOf(order.id);
    const refusing = recordingPayer(async () => { throw new ProviderRefused('charge already refunded'); });
    const same = request(order.number, { lines: [order.items[0].id], amountCents: 700 });
    await expect(refundOrder(test.db, refusing.payer, same, ctx, later)).rejects.toBeInstanceOf(ProviderRefused);
    const after = await stateOf(order.id);
    expect({ ...after, refunds: [] }).toEqual(before);
    expect(after.refunds).toEqual([{ status: 'failed', amountCents: 700, requestKey: expect.not.stringMatching(`^${same.requestKey}$`) }]);
    // The key is free for a corrected attempt, which refunds once.
    const retried = await refundOrder(test.db, testProvider(), same, ctx, later);
    expect(retried).toMatchObject({ status: 'partially_refunded', repeated: false });
    expect(await stateOf(order.id)).toMatchObject({ refundedCents: 700, licenses: ['revoked', 'active'], refundMails: 1 });
  });

  it('refuses to refund an order that was never paid (TransitionNotAllowed) and changes nothing', async () => {
    const { number } = await placeOrder(test.db, LINES, buyer, ctx);
    const order = await test.db.order.findUniqueOrThrow({ where: { number } });
    const before = await stateOf(order.id);
    await expect(refundOrder(test.db, testProvider(), request(number, { amountCents: 0 }), ctx, later)).rejects.toBeInstanceOf(TransitionNotAllowed);
    await expect(refundOrder(test.db, testProvider(), request(number, { lines: [], amountCents: 100 }), ctx, later)).rejects.toBeInstanceOf(TransitionNotAllowed);
    expect(await stateOf(order.id)).toEqual(before);
  });

  it('takes every line back at once when the bank disputes the payment', async () => {
    const order = await paidOrder();
    await disputeOrder(test.db, order.id, { actor: 'stripe', reason: 'charge.dispute.created', at: later });
    await disputeOrder(test.db, order.id, { actor: 'stripe', reason: 'charge.dispute.created', at: later });
    expect(await stateOf(order.id)).toMatchObject({ status: 'disputed', licenses: ['revoked', 'revoked'], grants: [later, later] });
    expect(await test.db.orderEvent.count({ where: { orderId: order.id, toStatus: 'disputed' } })).toBe(1);
  });
});
