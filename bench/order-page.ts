// The order page per tier (FULL: signed link + this browser's session; MINIMAL:
// signed link; EXISTS: the bare number) against a page of the same layout that
// renders constant markup, in the same run. wrk, 16 connections, medians of
// interleaved rounds. FULL and its baseline carry the same session cookie.
// The baseline page is never in the shipped app: both pages are served by one
// server built from a throw-away copy of the shop with that page added.
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sealData } from 'iron-session';
import { sessionOptions } from '../lib/session/session';
import { APP_KEYS, benchDatabase, benchPort, buyOnce, median, report, ROUNDS, startShop, wrk, type WrkResult } from './support';
import type { Provider } from '../lib/db/schema-files';

const dir = path.resolve('.tmp/bench-order-page');
const shopCopy = path.join(dir, 'shop');
const TARGETS = { FULL: 0.6, MINIMAL: 0.8, EXISTS: 0.8 } as const;
// node_modules resolves from this checkout above the copy, and without a lockfile of
// its own Next takes this checkout as the workspace root; the rest is local state.
const NOT_COPIED = new Set(['node_modules', 'package-lock.json', '.next', '.git', '.tmp', 'data', 'test-results', 'playwright-report']);

/** The shop as it stands plus the constant-markup page at /bench/order-layout, built under .tmp/. Returns seconds taken. */
export async function buildShopWithBaseline(): Promise<number> {
  const started = Date.now();
  rmSync(shopCopy, { recursive: true, force: true });
  for (const name of readdirSync('.')) if (!NOT_COPIED.has(name)) cpSync(name, path.join(shopCopy, name), { recursive: true });
  mkdirSync(path.join(shopCopy, 'app/bench/order-layout'), { recursive: true });
  copyFileSync('bench/order-layout-page.tsx', path.join(shopCopy, 'app/bench/order-layout/page.tsx'));
  try {
    await promisify(execFile)('npx', ['next', 'build'], { cwd: shopCopy, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, maxBuffer: 1 << 26 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`the order page bench's build failed:\n${(stdout + stderr).slice(-4000)}`);
  }
  return (Date.now() - started) / 1000;
}

export async function benchOrderPage(provider: Provider = 'sqlite') {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    await measureOrderPage(provider, await buildShopWithBaseline());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureOrderPage(provider: Provider, buildSeconds: number) {
  const database = await benchDatabase(provider, path.join(dir, 'shop.db'));
  const order = await buyOnce(database.db, 'printable-card-templates');
  await database.db.$disconnect();
  const options = sessionOptions([APP_KEYS], false);
  const sealed = await sealData({ orders: [order.number], cart: [{ slug: 'pop-up-castle', quantity: 1 }] }, { password: options.password, ttl: options.ttl });
  const cookie = `Cookie: ${options.cookieName}=${sealed}`;
  const shop = await startShop(benchPort(3), { DATABASE_URL: database.url }, shopCopy);
  const pages = {
    FULL: { path: order.signedPath, headers: [cookie] },
    MINIMAL: { path: order.signedPath, headers: [] },
    EXISTS: { path: `/orders/${order.number}`, headers: [] },
  };
  console.log(`\nOrder page per tier vs a constant-markup page of the same layout (${provider}), wrk 16 connections, medians`
    + ` (both served by a bench-only build of the shop, ${buildSeconds.toFixed(0)} s to build):`);
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
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOrderPage((process.argv[2] as Provider) ?? 'sqlite');
