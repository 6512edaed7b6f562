// npm run bench (second part): signed content link verification.
// 1. In process: link verifications per second (parse, key lookup with a warm cache, RS256,
//    expiry, target) against raw crypto.verify of the same text and signature, same run.
// 2. Over HTTP: the article page with a valid link against the same page without one
//    (teaser only), on a production build (npm run build). Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { benchDatabase, median, waitFor } from './support';
import { activeKey, privateKeyOf, usableKeys } from '../lib/key-store';
import { parseContentLink, signContentLink } from '../lib/content-links/link';
import { ownKeySource } from '../lib/content-links/own-keys';
import { verifyContentLink } from '../lib/content-links/verify';

const ROUNDS = 5;
const VERIFY_ROUNDS = 15; // short interleaved rounds: a shared machine's noise hits both series alike
const VERIFICATIONS = Number(process.env.BENCH_VERIFICATIONS ?? 2_000);
const PAGE_REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 200); // 0 skips the page part
const PORT = Number(process.env.BENCH_CONTENT_PORT ?? 4560);
const APP_KEYS = 'bench-key-0123456789abcdefghijklmnopqrstuv';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const dir = path.resolve('.tmp/bench-content');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const { url: databaseUrl, db } = await benchDatabase('sqlite', path.join(dir, 'bench.db'));
const stored = await activeKey(db, 'content-signing', new Date(), [APP_KEYS]);
const key = { kid: stored.kid, privateKey: privateKeyOf(stored, [APP_KEYS]) };
const link = signContentLink(ORIGIN, '/articles/how-pop-ups-work', { sp: 'cms-how-pop-ups-work', se: Date.now() + 86_400_000, si: 'article-how-pop-ups-work' }, key);
const target = { path: '/articles/how-pop-ups-work', contentId: 'cms-how-pop-ups-work', productIds: ['article-how-pop-ups-work', 'studio-pass'] };

// 1. verifications per second
const keys = ownKeySource({ load: () => usableKeys(db, 'content-signing', new Date()) });
const parsed = parseContentLink(link, ORIGIN);
const publicKey = createPublicKey({ key: stored.publicJwk as never, format: 'jwk' });
const data = Buffer.from(parsed.signedText);
await verifyContentLink(link, ORIGIN, target, keys, Date.now()); // warms the key cache

/** Per second of this process's CPU time: the machine may be shared, and waiting is not work. */
async function perSecond(run: () => unknown): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < VERIFICATIONS; i += 1) await run();
  const { user, system } = process.cpuUsage(started);
  return VERIFICATIONS / ((user + system) / 1e6);
}
const raw: number[] = [];
const full: number[] = [];
for (let round = 0; round < VERIFY_ROUNDS; round += 1) {
  raw.push(await perSecond(() => { if (!verify('RSA-SHA256', data, publicKey, parsed.signature)) throw new Error('raw verify failed'); }));
  full.push(await perSecond(() => verifyContentLink(link, ORIGIN, target, keys, Date.now())));
}
console.log(`\nSigned content link verification, RSA-2048, ${VERIFICATIONS} per round, ${VERIFY_ROUNDS} interleaved rounds (median per CPU-second):\n`);
console.log(`  raw crypto.verify (baseline)                    ${median(raw).toFixed(0).padStart(8)} /s`);
console.log(`  verifyContentLink (parse, warm key cache, checks) ${median(full).toFixed(0).padStart(6)} /s`);
console.log(`  ratio verifyContentLink/raw: ${(median(full) / median(raw)).toFixed(2)}`);
await db.$disconnect();

// 2. the article page with and without a link
if (PAGE_REQUESTS === 0) process.exit(0);
const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, APP_KEYS, ADMIN_PASSWORD: APP_KEYS, PUBLIC_URL: ORIGIN, ALLOW_INSECURE_HTTP: 'true', NEXT_TELEMETRY_DISABLED: '1' } as NodeJS.ProcessEnv;
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
