// npm run bench (second part): signed content link verification.
// 1. In process: link verifications per second against raw crypto.verify of the same text and
//    signature, same run. The link is one the shop mints now (from a paid order's grant), so it
//    carries `sg`; the full path is the pure verification (parse, key lookup with a warm cache,
//    RS256, expiry, target) plus the one indexed read that says the grant is not revoked.
//    BENCH_CONTENT_PROVIDER=postgresql measures that read on PostgreSQL (PG_TEST_URL).
// 2. Over HTTP: the article page with a valid link against the same page without one
//    (teaser only), on a production build (npm run build). Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { benchDatabase, median, waitFor } from './support';
import { activeKey, privateKeyOf, usableKeys } from '../lib/key-store';
import { checkoutSchemaFor } from '../lib/checkout/customer-input';
import { placeOrder } from '../lib/checkout/place-order';
import { completeTestPayment } from '../lib/payments/providers/test';
import { orderLinkRing } from '../lib/order-access/links';
import { grantsOfOrder, isGrantRevoked } from '../lib/content/grants';
import type { Provider } from '../lib/db/schema-files';
import { linkForGrant } from '../lib/content-links/issue';
import { parseContentLink } from '../lib/content-links/link';
import { ownKeySource } from '../lib/content-links/own-keys';
import { verifyContentLink } from '../lib/content-links/verify';

const ROUNDS = 5;
const VERIFY_ROUNDS = 15; // short interleaved rounds: a shared machine's noise hits both series alike
const VERIFICATIONS = Number(process.env.BENCH_VERIFICATIONS ?? 2_000);
const PAGE_REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 200); // 0 skips the page part
const PROVIDER = (process.env.BENCH_CONTENT_PROVIDER ?? 'sqlite') as Provider;
const PORT = Number(process.env.BENCH_CONTENT_PORT ?? 4560);
const APP_KEYS = 'bench-key-0123456789abcdefghijklmnopqrstuv';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const dir = path.resolve('.tmp/bench-content');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const database = await benchDatabase(PROVIDER, path.join(dir, 'bench.db'));
const { url: databaseUrl, db } = database;
const stored = await activeKey(db, 'content-signing', new Date(), [APP_KEYS]);
const key = { kid: stored.kid, privateKey: privateKeyOf(stored, [APP_KEYS]) };

// A paid order, so the link is the one its buyer is mailed: with the grant's reference (sg).
const signer = { publicOrigin: ORIGIN, key };
const orderMail = { ring: orderLinkRing([APP_KEYS]), publicUrl: ORIGIN, contentSigner: signer };
const reader = checkoutSchemaFor(false).parse({ email: 'bench@example.com', fullName: 'Bench' });
const { number } = await placeOrder(db, [{ slug: 'article-how-pop-ups-work', quantity: 1 }], reader, { ...orderMail, now: new Date(), provider: 'test', payWithinMs: 3_600_000 });
await completeTestPayment(db, number, 'pay', orderMail, new Date());
const link = linkForGrant((await grantsOfOrder(db, { number }))[0], signer)!.url;
const target = { path: '/articles/how-pop-ups-work', contentId: 'cms-how-pop-ups-work', productIds: ['article-how-pop-ups-work', 'studio-pass'] };

// 1. verifications per second
const keys = ownKeySource({ load: () => usableKeys(db, 'content-signing', new Date()) });
const parsed = parseContentLink(link, ORIGIN);
const grantRef = parsed.fields.sg!;
const publicKey = createPublicKey({ key: stored.publicJwk as never, format: 'jwk' });
const data = Buffer.from(parsed.signedText);
await verifyContentLink(link, ORIGIN, target, keys, Date.now()); // warms the key cache

/** What unlockArticle does for a link with sg: the pure checks, then the grant's one read. */
async function verifyWithLookup() {
  const verified = await verifyContentLink(link, ORIGIN, target, keys, Date.now());
  if (await isGrantRevoked(db, verified.fields.sg!)) throw new Error('the grant reads as revoked');
}
if (grantRef === undefined) throw new Error('the minted link carries no sg');
await verifyWithLookup();

/** Per second of this process's CPU time (the machine may be shared, and waiting is not work), and per wall-clock second. */
async function perSecond(run: () => unknown): Promise<{ cpu: number; wall: number }> {
  const started = process.cpuUsage();
  const wallStarted = performance.now();
  for (let i = 0; i < VERIFICATIONS; i += 1) await run();
  const { user, system } = process.cpuUsage(started);
  return { cpu: VERIFICATIONS / ((user + system) / 1e6), wall: VERIFICATIONS / ((performance.now() - wallStarted) / 1000) };
}
const series = { raw: [] as { cpu: number; wall: number }[], pure: [] as { cpu: number; wall: number }[], lookup: [] as { cpu: number; wall: number }[] };
for (let round = 0; round < VERIFY_ROUNDS; round += 1) {
  series.raw.push(await perSecond(() => { if (!verify('RSA-SHA256', data, publicKey, parsed.signature)) throw new Error('raw verify failed'); }));
  series.pure.push(await perSecond(() => verifyContentLink(link, ORIGIN, target, keys, Date.now())));
  series.lookup.push(await perSecond(verifyWithLookup));
}
const cpu = (name: keyof typeof series) => median(series[name].map((r) => r.cpu));
const wall = (name: keyof typeof series) => median(series[name].map((r) => r.wall));
const row = (label: string, name: keyof typeof series) => console.log(`  ${label.padEnd(52)} ${cpu(name).toFixed(0).padStart(7)} /s  ${wall(name).toFixed(0).padStart(7)} /s`);
console.log(`\nSigned content link verification, RSA-2048, a link with sg, ${VERIFICATIONS} per round, ${VERIFY_ROUNDS} interleaved rounds (medians):\n`);
console.log(`  ${''.padEnd(52)} ${'per CPU-s'.padStart(9)}  ${'per wall-s'.padStart(10)}`);
row('raw crypto.verify (baseline)', 'raw');
row('verifyContentLink (parse, warm key cache, checks)', 'pure');
row(`+ grant lookup by sg (one indexed read, ${PROVIDER})`, 'lookup');
console.log(`  ratio verifyContentLink/raw: ${(cpu('pure') / cpu('raw')).toFixed(2)}; with the lookup/raw: ${(cpu('lookup') / cpu('raw')).toFixed(2)} (CPU), ${(wall('lookup') / wall('raw')).toFixed(2)} (wall)`);
await database.drop();

// 2. the article page with and without a link
if (PAGE_REQUESTS === 0) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, APP_KEYS, ADMIN_PASSWORD: APP_KEYS, PUBLIC_URL: ORIGIN, ALLOW_INSECURE_HTTP: 'true', PAYMENT_PROVIDER: 'test', NEXT_TELEMETRY_DISABLED: '1' } as NodeJS.ProcessEnv;
const shop = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(PORT)], { env, stdio: 'ignore' });
try {
  await waitFor(`${ORIGIN}/`);
  const pages = { 'without a link (teaser)': `${ORIGIN}/articles/how-pop-ups-work`, 'with a valid link (body)': link };
  const marker = { 'without a link (teaser)': 'for buyers', 'with a valid link (body)': 'every fold must be parallel' };
  const rates: Record<string, number[]> = { 'without a link (teaser)': [], 'with a valid link (body)': [] };
  async function pageRate(name: keyof typeof pages) {
    const started = performance.now();
    for (let i = 0; i < PAGE_REQUESTS; i += 1) {
      const html = await (await fetch(pages[name])).text();
      if (!html.includes(marker[name])) throw new Error(`${name}: unexpected page`);
    }
    return PAGE_REQUESTS / ((performance.now() - started) / 1000);
  }
  for (const name of Object.keys(pages) as (keyof typeof pages)[]) await pageRate(name); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) for (const name of Object.keys(pages) as (keyof typeof pages)[]) rates[name].push(await pageRate(name));
  console.log(`\nArticle page over loopback, one client, ${PAGE_REQUESTS} requests per round, ${ROUNDS} interleaved rounds (median pages/s):\n`);
  for (const [name, values] of Object.entries(rates)) console.log(`  ${name.padEnd(28)} ${median(values).toFixed(0).padStart(6)} /s  (${values.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  ratio with/without: ${(median(rates['with a valid link (body)']) / median(rates['without a link (teaser)'])).toFixed(2)}\n`);
} finally {
  shop.kill();
  rmSync(dir, { recursive: true, force: true });
}
