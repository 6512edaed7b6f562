// npm run bench -- find-orders: "Find my orders" must answer the same, in the same time, whether or
// not the typed address has orders. Against the production shop on SQLite (no SMTP: mail stays in
// the outbox), POST /my-orders/request is timed for addresses with orders and without, interleaved
// in a shuffled order, one request at a time; the unknown address is the baseline. Also printed:
// what the lookup and the mail cost in-process (what an answer would leak if they ran before it).
// Prints figures and ratios; asserts nothing but the answer's status.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { placeOrder } from '../lib/checkout/place-order';
import { orderLinkRing } from '../lib/order-access/links';
import { orderFinderRing, requestSignInLink } from '../lib/order-finder/sign-in';
import { APP_KEYS, benchDatabase, benchPort, CUSTOMER, report, startShop } from './support';

const REQUESTS = Number(process.env.BENCH_FIND_ORDERS ?? 300);
const KNOWN = 10;
const ORDERS_EACH = 3;

interface Stats { mean: number; p50: number; p95: number }
function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { mean: values.reduce((s, v) => s + v, 0) / values.length, p50: at(0.5), p95: at(0.95) };
}
const show = (s: Stats) => `mean ${s.mean.toFixed(2)} ms, p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;

/** A shuffled list of which kind of address each request types (Fisher–Yates, seeded so runs compare). */
function shuffledKinds(count: number): ('known' | 'unknown')[] {
  const kinds = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'known' : 'unknown') as 'known' | 'unknown');
  let seed = 19;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  for (let i = kinds.length - 1; i > 0; i -= 1) { const j = Math.floor(random() * (i + 1)); [kinds[i], kinds[j]] = [kinds[j], kinds[i]]; }
  return kinds;
}

export async function benchFindOrders() {
  console.log(`\nFind my orders: POST /my-orders/request, an address with ${ORDERS_EACH} orders vs one with none (SQLite, ${REQUESTS} requests, one at a time)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-find-orders-'));
  const database = await benchDatabase('sqlite', path.join(dir, 'find-orders.db'));
  const known = Array.from({ length: KNOWN }, (_, i) => `finder.${i}@example.com`);
  const ctx = { ring: orderLinkRing([APP_KEYS]), publicUrl: 'http://127.0.0.1', now: new Date(), provider: 'test', payWithinMs: 86_400_000 } as const;
  for (const email of known) {
    for (let n = 0; n < ORDERS_EACH; n += 1) await placeOrder(database.db, [{ slug: 'pop-up-castle', quantity: 1 }], { ...CUSTOMER, email }, ctx);
  }
  // Other buyers' orders, so the lookup searches a table that is not all hits.
  for (let n = 0; n < 300; n += 1) await placeOrder(database.db, [{ slug: 'pop-up-castle', quantity: 1 }], { ...CUSTOMER, email: `other.${n}@example.com` }, ctx);

  // In-process: the work an answer would wait for if it did the lookup and the mail itself.
  const inProcess = { known: [] as number[], unknown: [] as number[] };
  const finder = { ring: orderFinderRing([APP_KEYS]), publicUrl: 'http://127.0.0.1', locale: 'en' };
  for (let i = 0; i < 100; i += 1) {
    for (const kind of ['known', 'unknown'] as const) {
      const started = process.hrtime.bigint();
      await requestSignInLink(database.db, kind === 'known' ? known[i % KNOWN] : `nobody.${i}@example.com`, { ...finder, now: new Date() });
      inProcess[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }

  const port = benchPort(17); // 4367: 4369 is epmd (RabbitMQ) on these machines
  const shop = await startShop(port, {
    DATABASE_URL: database.url,
    RATE_LIMITS: 'find-orders-per-ip=999999999/60,find-orders-per-email=999999999/60',
  });
  try {
    const ask = async (email: string) => {
      const started = process.hrtime.bigint();
      const answer = await fetch(`${shop.url}/my-orders/request`, {
        method: 'POST', redirect: 'manual', body: new URLSearchParams({ email }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: shop.url },
      });
      await answer.arrayBuffer();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (answer.status !== 303 || answer.headers.get('location') !== '/my-orders?sent=1') throw new Error(`${email}: HTTP ${answer.status} ${answer.headers.get('location')}`);
      return ms;
    };
    for (let i = 0; i < 30; i += 1) await ask(i % 2 ? known[i % KNOWN] : `warm.${i}@example.com`); // warm-up, not counted
    const times = { known: [] as number[], unknown: [] as number[] };
    const kinds = shuffledKinds(REQUESTS);
    for (const [i, kind] of kinds.entries()) times[kind].push(await ask(kind === 'known' ? known[i % KNOWN] : `nobody.${i}@example.com`));
    const mailed = await database.db.outboxMessage.count({ where: { kind: 'order-finder' } });

    const k = stats(times.known);
    const u = stats(times.unknown);
    report('answer time, address with orders (figure) vs without (baseline); ratio = mean without / mean with',
      show(k), show(u), u.mean / k.mean);
    console.log(`      p50 ratio ${(u.p50 / k.p50).toFixed(2)}, p95 ratio ${(u.p95 / k.p95).toFixed(2)}; ${mailed} sign-in mails queued in all (in-process runs included)`);
    const ik = stats(inProcess.known);
    const iu = stats(inProcess.unknown);
    report('in-process lookup + mail, not on the answer\'s path: with orders (figure) vs without (baseline)', show(ik), show(iu), iu.mean / ik.mean);
  } finally {
    await shop.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
