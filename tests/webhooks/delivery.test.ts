// Outgoing webhooks end to end on SQLite and PostgreSQL, against a real receiving HTTP server
// that verifies every request with the standardwebhooks library: events written with the change
// (and not without it), delivered signed, retried after a failure and a timeout, failed after
// their day with the admin's notice, resent, rotated secrets, integration endpoints, the test
// event, license and download events, and private targets refused when saved and when sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { placeOrder } from '@/lib/checkout/place-order';
import { completeTestPayment } from '@/lib/payments/providers/test';
import { refundOrder } from '@/lib/payments/refund';
import { testProvider } from '@/lib/payments/providers/test';
import { cancelOrder } from '@/lib/payments/unpaid';
import { moveOrder } from '@/lib/order-states/move';
import { claimDownload } from '@/lib/downloads/authorize';
import { createDownloadToken, downloadTokenRing } from '@/lib/downloads/token';
import { saveProductDownloadSettings } from '@/lib/downloads/settings';
import { DownloadLimitReached } from '@/lib/downloads/errors';
import { setLicenseStatus } from '@/lib/downloads/licenses';
import { InputInvalid } from '@/lib/errors';
import {
  createEndpoint, deliveryLog, failedDeliveryCount, resendDelivery, resendFailed, rotateSecret, sendTestEvent, setEndpointEnabled,
} from '@/lib/webhooks/admin';
import { deliverDueWebhooks, WORKER_DEFAULTS, type WorkerSettings } from '@/lib/webhooks/worker';
import { openWebhookSecret } from '@/lib/webhooks/secrets';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';
import { startReceiver, type Receiver } from '../support/webhook-receiver';

const keys = ['webhooks-test-key-0123456789abcdefghijklm'];
const ring = deriveKeyRing(keys, ORDER_LINK_PURPOSE);
const downloadRing = downloadTokenRing(keys);
const buyer = { email: 'wendy@example.com', fullName: 'Wendy Hook', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };
const DIGITAL = [{ slug: 'printable-card-templates', quantity: 1 }, { slug: 'paper-engineering-plugin', quantity: 1 }];
const local = { httpsOnly: false, allowPrivate: true };
const ALL_EVENTS = ['order.paid', 'order.refunded', 'order.partially_refunded', 'order.cancelled', 'license.revoked', 'download.limit_reached'] as const;

describe.each(PROVIDERS_UNDER_TEST)('outgoing webhooks on %s', (provider) => {
  let test: TestDatabase;
  let receiver: Receiver;
  let secrets: string[] = [];
  let clock = new Date('2026-12-06T10:00:00Z');
  const tick = (ms: number) => { clock = new Date(clock.getTime() + ms); return clock; };
  const settings: WorkerSettings = { ...WORKER_DEFAULTS, policy: local, appKeys: keys, limits: { timeoutMs: 1_000, keepResponseBytes: 16 }, firstRetryMs: 60_000, maxRetryMs: 3_600_000 };
  const round = (worker = 'worker-a', overrides: Partial<WorkerSettings> = {}) => deliverDueWebhooks(test.db, worker, { ...settings, ...overrides }, () => clock);

  beforeAll(async () => {
    test = await openTestDatabase(provider);
    receiver = await startReceiver(() => secrets);
  });
  afterAll(async () => { await receiver?.close(); await test?.close(); });
  beforeEach(async () => {
    // Each test starts with no endpoints listening (older ones are switched off, their deliveries kept).
    await test.db.webhookEndpoint.updateMany({ data: { enabled: false } });
    receiver.failRate = 0; receiver.delayMs = 0; receiver.answer = 'ok';
  });

  async function endpoint(events: readonly string[] = ALL_EVENTS, integrationId: number | null = null) {
    const created = await createEndpoint(test.db, { url: receiver.url, description: 'test receiver', events: [...events] as never }, { policy: local, appKeys: keys }, clock, integrationId);
    secrets = [created.secret];
    return created;
  }
  const ctx = () => testOrderContext({ ring, publicUrl: 'https://shop.example', now: clock });
  async function paidOrder(lines = DIGITAL, terms = {}) {
    const placed = await placeOrder(test.db, lines, buyer, ctx(), terms);
    await completeTestPayment(test.db, placed.number, 'pay', ctx(), clock);
    return test.db.order.findUniqueOrThrow({ where: { number: placed.number }, include: { items: { orderBy: { id: 'asc' } }, licenses: true } });
  }
  const eventsOf = (orderId: number) => test.db.webhookEvent.findMany({ where: { orderId }, orderBy: { id: 'asc' }, include: { deliveries: true } });

  it('writes order.paid with the payment, one delivery per listening endpoint, and sends it signed', async () => {
    const { id, secret } = await endpoint();
    const other = await endpoint(['order.refunded']);
    secrets = [secret];
    const order = await paidOrder();
    const [event] = await eventsOf(order.id);
    expect(event.type).toBe('order.paid');
    expect(event.deliveries.map((d) => d.endpointId)).toEqual([id]); // not the endpoint listening for refunds only
    expect(other.id).not.toBe(id);
    const body = JSON.parse(event.body);
    expect(body).toMatchObject({ type: 'order.paid', data: { order: { number: order.number, status: 'paid', paidCents: order.totalCents, currency: order.currency }, change: { from: 'awaiting_payment', to: 'paid' } } });
    expect(event.body).not.toContain(buyer.email); // no personal data in a webhook body
    expect(event.body).not.toContain(buyer.fullName);

    expect(await round()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.acks.get(event.messageId)).toBe(1);
    expect(receiver.received.at(-1)).toMatchObject({ id: event.messageId, type: 'order.paid', body });
    const [logged] = await deliveryLog(test.db, id);
    expect(logged).toMatchObject({ status: 'delivered', attempts: 1, event: { messageId: event.messageId, type: 'order.paid' } });
    expect(logged.log[0]).toMatchObject({ statusCode: 200, responseStart: 'ok', error: null });
    expect(await round()).toMatchObject({ claimed: 0 }); // nothing twice
  });

  it('writes nothing when no endpoint listens, and nothing when the change rolls back', async () => {
    const order = await paidOrder();
    expect(await eventsOf(order.id)).toEqual([]);
    await endpoint();
    const placed = await placeOrder(test.db, DIGITAL, buyer, ctx());
    const orderId = (await test.db.order.findUniqueOrThrow({ where: { number: placed.number } })).id;
    await expect(test.db.$transaction(async (tx) => {
      await moveOrder(tx, orderId, 'cancelled', { actor: 'admin', reason: 'test', at: clock });
      throw new Error('something after the move failed');
    })).rejects.toThrow('something after the move failed');
    expect(await eventsOf(orderId)).toEqual([]);
    await cancelOrder(test.db, orderId, { actor: 'admin', reason: 'asked', at: clock });
    expect((await eventsOf(orderId)).map((e) => e.type)).toEqual(['order.cancelled']);
  });

  it('sends order.partially_refunded, order.refunded and license.revoked for each license taken back', async () => {
    await endpoint();
    const order = await paidOrder();
    const payer = testProvider();
    await refundOrder(test.db, payer, { number: order.number, lines: [order.items[0].id], amountCents: 100, reason: 'one line', actor: 'admin', requestKey: `part-${order.id}` }, { ring, publicUrl: 'https://shop.example' } as never, tick(1000));
    await refundOrder(test.db, payer, { number: order.number, lines: 'all', amountCents: order.paidCents - 100, reason: 'the rest', actor: 'admin', requestKey: `rest-${order.id}` }, { ring, publicUrl: 'https://shop.example' } as never, tick(1000));
    const events = await eventsOf(order.id);
    expect(events.map((e) => e.type)).toEqual(['order.paid', 'order.partially_refunded', 'order.refunded']);
    const revoked = await test.db.webhookEvent.findMany({ where: { type: 'license.revoked', body: { contains: order.number } } });
    expect(revoked).toHaveLength(2);
    expect(revoked.map((e) => JSON.parse(e.body).data.license.id).sort()).toEqual(order.licenses.map((l) => l.id).sort());
    expect(JSON.parse(events[1].body).data.change).toMatchObject({ from: 'paid', to: 'partially_refunded', amountCents: 100 });
    await round();
    for (const event of [...events, ...revoked]) expect(receiver.acks.get(event.messageId)).toBe(1);
  });

  it('sends license.revoked when an admin revokes a license, and download.limit_reached once when its last download is counted', async () => {
    await endpoint();
    const product = await test.db.product.findUniqueOrThrow({ where: { slug: 'paper-engineering-plugin' } });
    await saveProductDownloadSettings(test.db, product.id, { downloadLimit: 2, licenseDays: 30 },
      { kind: 'external', fileName: 'plugin.zip', externalUrl: 'https://files.example/plugin.zip' }, clock);
    const order = await paidOrder([{ slug: 'paper-engineering-plugin', quantity: 1 }]);
    const [license] = order.licenses;
    const token = createDownloadToken(license.id, 'paper-engineering-plugin', downloadRing, clock.getTime() / 1000);
    const client = { ip: '203.0.113.9', userAgent: 'Test/1' };
    const limitEvents = () => test.db.webhookEvent.findMany({ where: { type: 'download.limit_reached', onceKey: `download.limit_reached:license:${license.id}` } });
    await claimDownload(test.db, token, 'paper-engineering-plugin', downloadRing, tick(61_000), { ...client, userAgent: 'Test/1' });
    expect(await limitEvents()).toEqual([]);
    await claimDownload(test.db, token, 'paper-engineering-plugin', downloadRing, tick(61_000), { ...client, userAgent: 'Test/2' });
    await expect(claimDownload(test.db, token, 'paper-engineering-plugin', downloadRing, tick(61_000), { ...client, userAgent: 'Test/3' })).rejects.toBeInstanceOf(DownloadLimitReached);
    const [reached] = await limitEvents();
    expect(JSON.parse(reached.body).data.license).toEqual({ id: license.id, product: 'paper-engineering-plugin', downloadLimit: 2, downloadCount: 2 });
    expect(await limitEvents()).toHaveLength(1);

    await setLicenseStatus(test.db, license.id, 'revoked', clock);
    await setLicenseStatus(test.db, license.id, 'revoked', clock); // already revoked: no second event
    const revoked = await test.db.webhookEvent.findMany({ where: { type: 'license.revoked', body: { contains: `"id":${license.id},` } } });
    expect(revoked).toHaveLength(1);
    expect(JSON.parse(revoked[0].body).data).toMatchObject({ reason: 'revoked by an admin', order: { number: order.number } });
  });

  it('retries a failed delivery with backoff, logs every attempt, and marks it failed after its day, with the admin notice', async () => {
    const { id } = await endpoint(['order.paid']);
    receiver.failRate = 1;
    const order = await paidOrder();
    const [event] = await eventsOf(order.id);
    expect(await round()).toMatchObject({ claimed: 1, retried: 1 });
    let [delivery] = await deliveryLog(test.db, id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
    expect(delivery.log[0]).toMatchObject({ statusCode: 500, responseStart: 'failing on purpo' });
    const wait = delivery.nextAttemptAt.getTime() - clock.getTime();
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await round()).toMatchObject({ claimed: 0 }); // not before its time
    tick(wait);
    await round();
    [delivery] = await deliveryLog(test.db, id);
    expect(delivery.attempts).toBe(2);
    expect(delivery.nextAttemptAt.getTime() - clock.getTime()).toBeGreaterThanOrEqual(60_000);

    const failedBefore = await failedDeliveryCount(test.db);
    tick(25 * 3_600_000);
    expect(await round()).toMatchObject({ failed: 1 });
    [delivery] = await deliveryLog(test.db, id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await failedDeliveryCount(test.db)).toBe(failedBefore + 1);
    expect(receiver.acks.get(event.messageId)).toBeUndefined();

    receiver.failRate = 0;
    expect(await resendFailed(test.db, id, clock)).toBe(1);
    expect(await round()).toMatchObject({ delivered: 1 });
    expect(receiver.acks.get(event.messageId)).toBe(1); // the same webhook-id as before
    expect(await failedDeliveryCount(test.db)).toBe(failedBefore);
    expect(await resendDelivery(test.db, id, delivery.id, clock)).toBe(true); // a delivered one may be sent again on purpose
    await round();
    expect(receiver.acks.get(event.messageId)).toBe(2);
  });

  it('gives up on a receiver slower than the timeout, and keeps only the first bytes of an answer', async () => {
    const { id } = await endpoint(['order.paid']);
    receiver.delayMs = 400;
    await paidOrder();
    const started = performance.now();
    expect(await round('worker-a', { limits: { timeoutMs: 150, keepResponseBytes: 16 } })).toMatchObject({ retried: 1 });
    expect(performance.now() - started).toBeLessThan(400);
    const [delivery] = await deliveryLog(test.db, id);
    expect(delivery.log[0]).toMatchObject({ statusCode: null, error: 'no answer within 150 ms' });
    receiver.delayMs = 0;
    receiver.answer = 'x'.repeat(100_000);
    tick(3_600_000);
    await round();
    const [after] = await deliveryLog(test.db, id);
    expect(after.status).toBe('delivered');
    expect(after.log[0].responseStart).toBe('x'.repeat(16));
  });

  it('stores secrets sealed: the database holds no secret, and a worker without the APP_KEYS entry that sealed it sends nothing', async () => {
    const { id, secret } = await endpoint(['order.paid']);
    const stored = (await test.db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret;
    expect(stored).not.toContain(secret.slice('whsec_'.length));
    expect(stored).not.toMatch(/^whsec_/);
    // Another endpoint's sealed secret copied into this row does not open here.
    const other = await endpoint(['order.paid']);
    const otherStored = (await test.db.webhookEndpoint.findUniqueOrThrow({ where: { id: other.id } })).secret;
    expect(openWebhookSecret(otherStored, id, keys)).toBeNull();
    expect(openWebhookSecret(stored, id, ['a-newer-key-0123456789abcdefghijklmnopq', ...keys])).toBe(secret);
    await setEndpointEnabled(test.db, other.id, false);
    secrets = [secret];

    const order = await paidOrder();
    const heard = receiver.received.length;
    expect(await round('worker-a', { appKeys: ['not-the-key-that-sealed-0123456789abcdef'] })).toMatchObject({ retried: 1 });
    expect(receiver.received.length).toBe(heard);
    const [delivery] = await deliveryLog(test.db, id);
    expect(delivery.log[0]).toMatchObject({ statusCode: null, error: 'the endpoint secret cannot be unsealed with APP_KEYS' });
    tick(3_600_000);
    await round();
    const [event] = await eventsOf(order.id);
    expect(receiver.acks.get(event.messageId)).toBe(1);
  });

  it('signs with both secrets during a rotation overlap, then with the new one only', async () => {
    const { id, secret: old } = await endpoint(['order.paid']);
    const fresh = await rotateSecret(test.db, id, 2, keys, clock);
    expect(fresh).not.toBe(old);
    secrets = [old]; // a receiver that has not updated yet still verifies
    const order = await paidOrder();
    await round();
    const [event] = await eventsOf(order.id);
    expect(receiver.acks.get(event.messageId)).toBe(1);
    expect(receiver.received.at(-1)!.signature.split(' ')).toHaveLength(2);
    secrets = [fresh];
    tick(3 * 3_600_000);
    const later = await paidOrder();
    await round();
    const [next] = await eventsOf(later.id);
    expect(receiver.acks.get(next.messageId)).toBe(1);
    expect(receiver.received.at(-1)!.signature.split(' ')).toHaveLength(1);
  });

  it('an integration endpoint hears only of its own orders; the test event goes to one endpoint', async () => {
    const integration = await test.db.integration.create({ data: { name: 'Partner', accessKey: `ak-${provider}-${Date.now()}`, mode: 'test', createdAt: clock } });
    const own = await endpoint(['order.paid'], integration.id);
    const shopOrder = await paidOrder();
    expect(await eventsOf(shopOrder.id)).toEqual([]);
    const placed = await placeOrder(test.db, DIGITAL, buyer, ctx(), { origin: { integrationId: integration.id, testMode: true } });
    await completeTestPayment(test.db, placed.number, 'pay', ctx(), clock);
    const partnerOrder = await test.db.order.findUniqueOrThrow({ where: { number: placed.number } });
    expect((await eventsOf(partnerOrder.id)).map((e) => e.deliveries.map((d) => d.endpointId))).toEqual([[own.id]]);

    const tests = () => receiver.received.filter((r) => r.type === 'webhook.test').length;
    const before = tests();
    await sendTestEvent(test.db, own.id, clock);
    await round(); // the partner's order.paid and the test event go out together, in no set order
    expect(tests()).toBe(before + 1);
    await setEndpointEnabled(test.db, own.id, false);
    await sendTestEvent(test.db, own.id, clock);
    expect(await round()).toMatchObject({ claimed: 0 }); // a switched-off endpoint is not sent to
  });

  it('refuses a private target when saved, and again when sent if DNS changed to one', async () => {
    const production = { httpsOnly: true, allowPrivate: false };
    await expect(createEndpoint(test.db, { url: 'https://127.0.0.1/hooks', description: '', events: ['order.paid'] }, { policy: production, appKeys: keys }, clock)).rejects.toBeInstanceOf(InputInvalid);
    await expect(createEndpoint(test.db, { url: 'http://hooks.example/x', description: '', events: ['order.paid'] }, { policy: production, appKeys: keys }, clock)).rejects.toBeInstanceOf(InputInvalid);
    // Saved while it resolved to a public address; the resolver now answers loopback.
    let answer = ['93.184.216.34'];
    const resolve = async () => answer;
    const { id } = await createEndpoint(test.db, { url: 'https://hooks.example/x', description: '', events: ['order.paid'] }, { policy: production, appKeys: keys, resolve }, clock);
    answer = ['127.0.0.1'];
    await paidOrder();
    expect(await round('worker-a', { policy: production, resolve })).toMatchObject({ retried: 1 });
    const [delivery] = await deliveryLog(test.db, id);
    expect(delivery.log[0]).toMatchObject({ statusCode: null, error: 'target refused: address-private' });
  });
});
