// npm run bench -- webhooks: outgoing webhooks on PostgreSQL.
//   1. The fault run of issue 19 in full: 1,000 orders paid concurrently while the receiver
//      (a real node:http server verifying with standardwebhooks) fails 30% of requests and is
//      down for a minute in the middle, and the worker's process is killed mid-run and a new one
//      started. Prints whether every event arrived, acknowledged once in the shop's log, the
//      redeliveries the kill caused, and the time it took. (Retries are fast here, 0.2 s doubling
//      to 2 s, so the run fits in minutes; the shop's own schedule is 10 s doubling to 1 h.)
//   2. Delivery throughput to a healthy receiver: one worker, and two workers on one database,
//      against the baseline of the same signed requests posted straight from memory with the same
//      concurrency (no database, no lease, no log): what the outbox and its bookkeeping cost.
import http from 'node:http';
import { createEndpoint } from '../lib/webhooks/admin';
import { signedHeaders } from '../lib/webhooks/signing';
import { startWebhookWorker, WORKER_DEFAULTS, type WorkerSettings } from '../lib/webhooks/worker';
import { createDb } from '../lib/db/client';
import { APP_KEYS, benchDatabase, report } from './support';
import { startReceiver } from '../tests/support/webhook-receiver';
import { payConcurrently, placeOrders, shopLogTally, spawnWorker, waitUntilAllSettled } from '../tests/support/webhook-faults';

const ORDERS = Number(process.env.BENCH_WEBHOOK_ORDERS ?? 1000);
const OUTAGE_MS = Number(process.env.BENCH_WEBHOOK_OUTAGE_S ?? 60) * 1000;
const THROUGHPUT_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);

const SETTINGS: Partial<WorkerSettings> = {
  policy: { httpsOnly: false, allowPrivate: true }, appKeys: [APP_KEYS], limits: { timeoutMs: 5_000, keepResponseBytes: 1_024 },
  leaseMs: 10_000, batch: 32, firstRetryMs: 200, maxRetryMs: 2_000, idleMs: 50,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function faultRun() {
  const database = await benchDatabase('postgresql', '');
  let secret = '';
  const receiver = await startReceiver(() => [secret], { seed: 1000 });
  try {
    ({ secret } = await createEndpoint(database.db, { url: receiver.url, description: 'bench', events: ['order.paid'] }, { policy: SETTINGS.policy!, appKeys: SETTINGS.appKeys! }, new Date()));
    receiver.failRate = 0.3;
    const numbers = await placeOrders(database.db, ORDERS);
    const started = performance.now();
    let worker = await spawnWorker(database.url, 'bench-first', SETTINGS);
    const paying = payConcurrently(database.db, numbers, 8);
    while (receiver.acks.size < ORDERS * 0.2) await sleep(20);
    await receiver.down();
    await sleep(OUTAGE_MS);
    await receiver.up();
    while (receiver.acks.size < ORDERS * 0.5) await sleep(20);
    worker.kill();
    worker = await spawnWorker(database.url, 'bench-restarted', SETTINGS);
    await paying;
    try { await waitUntilAllSettled(database.db, 15 * 60_000); } finally { worker.kill(); }
    const seconds = (performance.now() - started) / 1000;
    const tally = await shopLogTally(database.db);
    const events = await database.db.webhookEvent.findMany({ select: { messageId: true } });
    const missing = events.filter((e) => !receiver.acks.has(e.messageId)).length;
    const redelivered = [...receiver.acks.values()].filter((n) => n > 1).length;
    console.log(`  fault run: ${ORDERS} orders, receiver failing 30% and down ${OUTAGE_MS / 1000} s, worker killed and restarted`);
    console.log(`      ${events.length} events, ${missing} missing at the receiver, ${tally.acknowledgedOnce}/${tally.deliveries} acknowledged once in the shop's log, `
      + `${redelivered} redelivered (in flight at the kill), ${tally.attempts} attempts (${receiver.failedOnPurpose} answered 500, ${tally.noAnswer} no answer), all delivered in ${seconds.toFixed(1)} s`);
    if (missing > 0 || tally.acknowledgedOnce !== ORDERS || events.length !== ORDERS) console.log('      FAULT RUN FAILED: an event was lost or acknowledged twice');
  } finally {
    await receiver.close();
    await database.drop();
  }
}

/** Deliveries per second of `workers` workers draining THROUGHPUT_EVENTS pending events. */
async function workerThroughput(workers: number): Promise<number> {
  const database = await benchDatabase('postgresql', '');
  let secret = '';
  const receiver = await startReceiver(() => [secret]);
  try {
    ({ secret } = await createEndpoint(database.db, { url: receiver.url, description: 'bench', events: ['order.paid'] }, { policy: SETTINGS.policy!, appKeys: SETTINGS.appKeys! }, new Date()));
    await payConcurrently(database.db, await placeOrders(database.db, THROUGHPUT_EVENTS), 8);
    const settings = { ...WORKER_DEFAULTS, ...SETTINGS } as WorkerSettings;
    // Each worker on a client (and pool) of its own, as separate shop instances would be.
    const dbs = Array.from({ length: workers }, () => createDb(database.url));
    const started = performance.now();
    const running = dbs.map((db, i) => startWebhookWorker(db, settings, `bench-${i}`));
    await waitUntilAllSettled(database.db, 10 * 60_000);
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(running.map((w) => w.stop()));
    await Promise.all(dbs.map((db) => db.$disconnect()));
    return THROUGHPUT_EVENTS / seconds;
  } finally {
    await receiver.close();
    await database.drop();
  }
}

/** The same signed POSTs from memory, 32 at a time, to the same kind of receiver. */
async function rawThroughput(): Promise<number> {
  let secret = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
  const receiver = await startReceiver(() => [secret]);
  const target = new URL(receiver.url);
  const body = JSON.stringify({ type: 'order.paid', timestamp: new Date().toISOString(), data: { order: { number: 'PC-1', status: 'paid' } } });
  const post = (i: number) => new Promise<void>((resolve, reject) => {
    const headers = signedHeaders(`msg_raw${i}`, body, [secret], new Date());
    const request = http.request(target, { method: 'POST', agent: false, headers: { ...headers, 'content-type': 'application/json' } }, (response) => {
      response.resume(); response.on('end', resolve);
    });
    request.on('error', reject);
    request.end(body);
  });
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: SETTINGS.batch! }, async () => { while (next < THROUGHPUT_EVENTS) await post(next++); }));
    return THROUGHPUT_EVENTS / ((performance.now() - started) / 1000);
  } finally {
    secret = '';
    await receiver.close();
  }
}

export async function benchWebhooks() {
  console.log('\nOutgoing webhooks (PostgreSQL)');
  await faultRun();
  const raw = await rawThroughput();
  const one = await workerThroughput(1);
  const two = await workerThroughput(2);
  report(`delivery throughput, one worker, ${THROUGHPUT_EVENTS} events`, `${one.toFixed(0)} deliveries/s`, `${raw.toFixed(0)} signed POSTs/s straight from memory`, one / raw);
  report(`delivery throughput, two workers on one database`, `${two.toFixed(0)} deliveries/s`, `${one.toFixed(0)} deliveries/s with one worker`, two / one);
}
