// Outgoing webhooks under faults, on PostgreSQL (as two shop instances would share it):
// orders paid concurrently while the receiver fails 30% of requests and is down for a stretch,
// and the worker's process is killed mid-run and a new one started → every event delivered,
// each acknowledged once in the shop's log; the receiver sees a redelivery only for a delivery
// the killed worker had in flight. And two workers on one database never send one event twice.
// Scaled down here (150 orders); `npm run bench -- webhooks` runs 1,000 with a longer outage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { createEndpoint } from '@/lib/webhooks/admin';
import { startWebhookWorker, WORKER_DEFAULTS, type WorkerSettings } from '@/lib/webhooks/worker';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { payConcurrently, placeOrders, shopLogTally, spawnWorker, waitUntilAllSettled } from '../support/webhook-faults';

const FAST: Partial<WorkerSettings> = {
  policy: { httpsOnly: false, allowPrivate: true }, appKeys: ['webhook-faults-key-0123456789abcdefghijklm'], limits: { timeoutMs: 1_000, keepResponseBytes: 64 },
  leaseMs: 2_000, batch: 16, firstRetryMs: 50, maxRetryMs: 400, idleMs: 25,
};

async function until(condition: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the run did not get there in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('webhooks under faults on postgresql', () => {
  let test: TestDatabase;
  let receiver: Receiver;
  let secret = '';
  beforeAll(async () => {
    test = await openTestDatabase('postgresql');
    receiver = await startReceiver(() => [secret], { seed: 19 });
  });
  afterAll(async () => { await receiver?.close(); await test?.close(); });

  it('delivers every event of 150 concurrently paid orders through failures, an outage and a killed worker', async () => {
    ({ secret } = await createEndpoint(test.db, { url: receiver.url, description: 'fault run', events: ['order.paid'] }, { policy: FAST.policy!, appKeys: FAST.appKeys! }, new Date()));
    receiver.failRate = 0.3;
    const numbers = await placeOrders(test.db, 150);
    let worker = await spawnWorker(test.url, 'worker-first', FAST);
    const paying = payConcurrently(test.db, numbers);
    await until(() => receiver.acks.size >= 20);
    await receiver.down(); // the receiver is down for a stretch …
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await receiver.up();
    await until(() => receiver.acks.size >= 60);
    const ackedBeforeKill = receiver.acks.size;
    worker.kill(); // … and the shop's process dies without a goodbye, mid-run
    await new Promise((resolve) => setTimeout(resolve, 300));
    worker = await spawnWorker(test.url, 'worker-restarted', FAST);
    await paying;
    try {
      await waitUntilAllSettled(test.db, 60_000);
    } finally {
      worker.kill();
    }
    const events = await test.db.webhookEvent.findMany({ where: { type: 'order.paid' }, select: { messageId: true, body: true } });
    expect(events).toHaveLength(150);
    expect(new Set(events.map((e) => JSON.parse(e.body).data.order.number))).toEqual(new Set(numbers));
    const tally = await shopLogTally(test.db);
    expect(tally.notDelivered).toBe(0);
    expect(tally.acknowledgedOnce).toBe(150); // each delivery has exactly one 2xx attempt in the shop's log
    for (const { messageId } of events) expect(receiver.acks.get(messageId) ?? 0).toBeGreaterThanOrEqual(1);
    // A second 2xx at the receiver only where the shop never saw the first: the killed worker's deliveries in flight.
    const redelivered = [...receiver.acks.values()].filter((count) => count > 1).length;
    expect(redelivered).toBeLessThanOrEqual(FAST.batch!);
    expect(receiver.failedOnPurpose).toBeGreaterThan(20);
    expect(ackedBeforeKill).toBeGreaterThan(0);
    expect(tally.workers).toEqual(expect.arrayContaining(['worker-restarted']));
    console.log(`[webhooks fault run] 150 orders: ${tally.attempts} attempts, ${receiver.failedOnPurpose} answered 500, ${tally.noAnswer} without answer (outage, kill), ${redelivered} redelivered after the kill`);
  }, 90_000);

  it('two workers on one database deliver each event once', async () => {
    await test.db.webhookEndpoint.updateMany({ data: { enabled: false } });
    const fresh = await startReceiver(() => [secret], { seed: 5 });
    try {
      ({ secret } = await createEndpoint(test.db, { url: fresh.url, description: 'two workers', events: ['order.paid'] }, { policy: FAST.policy!, appKeys: FAST.appKeys! }, new Date()));
      const [dbA, dbB] = [createDb(test.url), createDb(test.url)];
      const settings = { ...WORKER_DEFAULTS, ...FAST } as WorkerSettings;
      const workers = [startWebhookWorker(dbA, settings, 'instance-a'), startWebhookWorker(dbB, settings, 'instance-b')];
      try {
        await payConcurrently(test.db, await placeOrders(test.db, 150));
        await waitUntilAllSettled(test.db, 60_000);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
        await Promise.all([dbA.$disconnect(), dbB.$disconnect()]);
      }
      expect(fresh.acks.size).toBe(150);
      expect([...fresh.acks.values()].every((count) => count === 1)).toBe(true);
      const tally = await shopLogTally(test.db, fresh.url);
      expect(tally.attempts).toBe(150); // not one attempt twice
      expect(tally.workers.sort()).toEqual(['instance-a', 'instance-b']); // both did work
    } finally {
      await fresh.close();
    }
  }, 90_000);
});
