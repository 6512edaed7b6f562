// Helpers of the webhook fault runs (tests/webhooks/faults.test.ts, bench/webhooks.ts): paying
// many orders at once, a worker in a process of its own, and what the shop's log says.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Db } from '@/lib/db/client';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { placeOrder } from '@/lib/checkout/place-order';
import { completeTestPayment } from '@/lib/payments/providers/test';
import type { WorkerSettings } from '@/lib/webhooks/worker';
import { testOrderContext } from './orders';

const ring = deriveKeyRing(['webhook-faults-key-0123456789abcdefghijklm'], ORDER_LINK_PURPOSE);
const buyer = { email: 'fault@example.com', fullName: 'Fault Run', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };

const ctx = () => testOrderContext({ ring, publicUrl: 'https://shop.example', now: new Date() });

/** Places `count` orders waiting for payment; resolves to their numbers. */
export async function placeOrders(db: Db, count: number, concurrency = 8): Promise<string[]> {
  const numbers: string[] = [];
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (numbers.length < count) {
      numbers.push('');
      const at = numbers.length - 1;
      numbers[at] = (await placeOrder(db, [{ slug: 'printable-card-templates', quantity: 1 }], buyer, ctx())).number;
    }
  }));
  return numbers;
}

/** Pays the orders, `concurrency` at a time, as buyers finishing checkout together would. */
export async function payConcurrently(db: Db, numbers: readonly string[], concurrency = 8): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < numbers.length) {
      const number = numbers[next++];
      await completeTestPayment(db, number, 'pay', ctx(), new Date());
    }
  }));
}

export interface WorkerProcess { kill(): void; child: ChildProcess }

/** A worker in its own process; resolves once it has started. */
export function spawnWorker(databaseUrl: string, id: string, settings: Partial<WorkerSettings>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/webhook-worker-process.ts', databaseUrl, id, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`worker ${id} exited early (${code})`)));
    child.stdout!.once('data', () => resolve({ child, kill: () => { child.removeAllListeners('exit'); child.kill('SIGKILL'); } }));
  });
}

/** Waits until no delivery is pending; throws with the count left after `timeoutMs`. */
export async function waitUntilAllSettled(db: Db, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await db.webhookDelivery.count({ where: { status: 'pending', endpoint: { enabled: true } } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} deliveries still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The shop's own log, for the enabled endpoints (or the one at `url`). */
export async function shopLogTally(db: Db, url?: string) {
  const endpoint = url ? { url } : { enabled: true };
  const deliveries = await db.webhookDelivery.findMany({ where: { endpoint }, select: { status: true, log: { select: { statusCode: true, worker: true } } } });
  const attempts = deliveries.flatMap((d) => d.log);
  return {
    deliveries: deliveries.length,
    notDelivered: deliveries.filter((d) => d.status !== 'delivered').length,
    acknowledgedOnce: deliveries.filter((d) => d.log.filter((a) => a.statusCode !== null && a.statusCode < 300 && a.statusCode >= 200).length === 1).length,
    attempts: attempts.length,
    noAnswer: attempts.filter((a) => a.statusCode === null).length,
    workers: [...new Set(attempts.map((a) => a.worker))],
  };
}
