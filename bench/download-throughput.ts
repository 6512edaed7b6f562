// npm run bench: local-file download throughput of the shop's token endpoint
// against a plain node:http + fs.createReadStream server serving the same
// 1 GiB file in the same run, and the servers' peak memory while streaming.
// Needs a production build (npm run build). Prints figures; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { freshBenchDatabase, median, waitFor } from './support';
import { saveUpload } from '../lib/downloads/storage';
import { saveProductDownloadSettings, saveUploadedFile } from '../lib/downloads/settings';
import { createDownloadToken, downloadTokenRing } from '../lib/downloads/token';
import { placeOrder } from '../lib/orders/place-order';
import { orderLinkRing } from '../lib/orders/links';

const GIB = 1024 ** 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const dir = path.resolve('.tmp/bench');
const APP_KEYS = 'bench-key-0123456789abcdefghijklmnopqrstuv';
const ports = { shop: 3200, baseline: 3201 };

function rssOfTree(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch { /* exited */ }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch { /* exited */ }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface Series { name: string; server: ChildProcess; url: () => string; rates: number[]; idle: number; peak: number }

/** Downloads the file once, sampling the server's memory; returns MiB/s. */
async function downloadOnce(series: Series): Promise<number> {
  const sampler = setInterval(() => { series.peak = Math.max(series.peak, rssOfTree(series.server.pid!)); }, 25);
  const started = performance.now();
  let bytes = 0;
  const response = await fetch(series.url());
  if (!response.ok) throw new Error(`${series.name}: HTTP ${response.status}`);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  clearInterval(sampler);
  if (bytes !== GIB) throw new Error(`${series.name}: got ${bytes} bytes`);
  return bytes / 2 ** 20 / ((performance.now() - started) / 1000);
}

const { databaseUrl, db } = await freshBenchDatabase(dir);
const { storedName } = await saveUpload(path.join(dir, 'files'), Readable.from([]), 'one-gib.bin');
const filePath = path.join(dir, 'files', storedName);
truncateSync(filePath, GIB);
const product = await db.product.findUniqueOrThrow({ where: { slug: 'printable-card-templates' } });
await saveProductDownloadSettings(db, product.id, { downloadLimit: null, licenseDays: null }, { kind: 'none' }, new Date());
await saveUploadedFile(db, product.id, { storedName, fileName: 'one-gib.bin', contentType: 'application/octet-stream' }, new Date());
const order = await placeOrder(db, [{ slug: product.slug, quantity: 1 }],
  { email: 'bench@example.com', fullName: 'Bench', addressLine1: '1', addressLine2: '', city: 'B', postalCode: '1', country: 'IE' },
  { ring: orderLinkRing([APP_KEYS]), publicUrl: 'http://127.0.0.1', now: new Date() });
const license = await db.license.findFirstOrThrow({ where: { order: { number: order.number } } });
await db.$disconnect();

const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, STORAGE_DIR: path.join(dir, 'files'), APP_KEYS, ADMIN_PASSWORD: APP_KEYS, NEXT_TELEMETRY_DISABLED: '1', ALLOW_INSECURE_HTTP: 'true' } as NodeJS.ProcessEnv;
const shop = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(ports.shop)], { env, stdio: 'ignore' });
const baseline = spawn(process.execPath, ['bench/baseline-server.mjs', filePath, String(ports.baseline)], { stdio: 'ignore' });
try {
  await Promise.all([waitFor(`http://127.0.0.1:${ports.shop}/`), waitFor(`http://127.0.0.1:${ports.baseline}/`)]);
  const token = () => createDownloadToken(license.id, product.slug, downloadTokenRing([APP_KEYS]), Math.floor(Date.now() / 1000));
  const series: Series[] = [
    { name: 'node:http + createReadStream', server: baseline, url: () => `http://127.0.0.1:${ports.baseline}/`, rates: [], idle: 0, peak: 0 },
    { name: 'shop /api/downloads (token, license, log)', server: shop, url: () => `http://127.0.0.1:${ports.shop}/api/downloads/${product.slug}?token=${token()}`, rates: [], idle: 0, peak: 0 },
  ];
  for (const s of series) await downloadOnce(s); // warm-up: page cache, JIT, first-request compilation
  for (const s of series) { s.idle = rssOfTree(s.server.pid!); s.peak = s.idle; }
  // Interleaved rounds, so both servers see the same machine conditions.
  for (let round = 0; round < ROUNDS; round += 1) for (const s of series) s.rates.push(await downloadOnce(s));
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  console.log(`\nLocal download of a 1 GiB file, ${ROUNDS} interleaved rounds each, loopback, one client (median MiB/s):\n`);
  for (const s of series) {
    console.log(`  ${s.name.padEnd(44)} ${median(s.rates).toFixed(0).padStart(6)} MiB/s  (${s.rates.map((r) => r.toFixed(0)).join(', ')})   RSS idle ${mib(s.idle)} MiB, peak ${mib(s.peak)} MiB (+${mib(s.peak - s.idle)} MiB)`);
  }
  const [base, ours] = series;
  console.log(`\n  throughput ratio shop/baseline (medians): ${(median(ours.rates) / median(base.rates)).toFixed(2)}`);
  console.log(`  shop peak memory growth while streaming 1 GiB: ${mib(ours.peak - ours.idle)} MiB\n`);
} finally {
  shop.kill();
  baseline.kill();
  rmSync(dir, { recursive: true, force: true });
}
