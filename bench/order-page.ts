// The order page per tier (FULL: signed link + this browser's session; MINIMAL:
// signed link; EXISTS: the bare number) against a page of the same layout that
// renders constant markup, in the same run. wrk, 16 connections, medians of
// interleaved rounds. FULL and its baseline carry the same session cookie.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sealData } from 'iron-session';
import { sessionOptions } from '../lib/session/session';
import { APP_KEYS, benchDatabase, benchPort, buyOnce, median, report, ROUNDS, startShop, wrk, type WrkResult } from './support';
import type { Provider } from '../lib/db/schema-files';

const dir = path.resolve('.tmp/bench-order-page');
const TARGETS = { FULL: 0.6, MINIMAL: 0.8, EXISTS: 0.8 } as const;

export async function benchOrderPage(provider: Provider = 'sqlite') {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await benchDatabase(provider, path.join(dir, 'shop.db'));
  const order = await buyOnce(database.db, 'printable-card-templates');
  await database.db.$disconnect();
  const options = sessionOptions([APP_KEYS], false);
  const sealed = await sealData({ orders: [order.number], cart: [{ slug: 'pop-up-castle', quantity: 1 }] }, { password: options.password, ttl: options.ttl });
  const cookie = `Cookie: ${options.cookieName}=${sealed}`;
  const shop = await startShop(benchPort(3), { DATABASE_URL: database.url, BENCH_PAGES: 'true' });
  const pages = {
    FULL: { path: order.signedPath, headers: [cookie] },
    MINIMAL: { path: order.signedPath, headers: [] },
    EXISTS: { path: `/orders/${order.number}`, headers: [] },
  };
  console.log(`\nOrder page per tier vs a constant-markup page of the same layout (${provider}), wrk 16 connections, medians:`);
  try {
    for (const [tier, page] of Object.entries(pages) as [keyof typeof pages, (typeof pages)[keyof typeof pages]][]) {
      const probe = await fetch(`${shop.url}${page.path}`, { headers: page.headers.length ? { cookie: page.headers[0].slice(8) } : {} });
      if (probe.status !== 200) throw new Error(`${tier}: HTTP ${probe.status}`);
      const constant = `${shop.url}/bench/order-layout`;
      await wrk(`${shop.url}${page.path}`, { seconds: 2, connections: 16, headers: page.headers }); // warm-up
      await wrk(constant, { seconds: 2, connections: 16, headers: page.headers });
      const ours: WrkResult[] = [];
      const base: WrkResult[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        base.push(await wrk(constant, { seconds: 5, connections: 16, headers: page.headers }));
        ours.push(await wrk(`${shop.url}${page.path}`, { seconds: 5, connections: 16, headers: page.headers }));
      }
      const rps = (results: WrkResult[]) => median(results.map((r) => r.rps));
      report(`order page ${tier}`, `${rps(ours).toFixed(0)} req/s`, `${rps(base).toFixed(0)} req/s (constant markup, same layout)`, rps(ours) / rps(base), TARGETS[tier]);
    }
  } finally {
    await shop.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOrderPage((process.argv[2] as Provider) ?? 'sqlite');
