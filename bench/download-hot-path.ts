// The download redirect under load (token → checks → count → log → S3 presigned
// 302), on SQLite and PostgreSQL, against the floor: a bare node:http server doing
// the same HMAC verify and presign in the same run. wrk, 64 connections; every
// request is a distinct counted download (own license path, own User-Agent).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { saveProductDownloadSettings } from '../lib/downloads/settings';
import { createDownloadToken, downloadTokenRing } from '../lib/downloads/token';
import type { Provider } from '../lib/db/schema-files';
import { APP_KEYS, benchDatabase, benchPort, buyOnce, median, report, ROUNDS, startServer, startShop, wrk, wrkWithCpu } from './support';

const SLUG = 'svg-cut-files';
const LICENSES = 200;
const dir = path.resolve('.tmp/bench-hot-path');
const S3_ENV = { S3_ENDPOINT: 'http://127.0.0.1:8080', S3_ACCESS_KEY_ID: 'bench', S3_SECRET_ACCESS_KEY: 'bench-secret' };

async function pathsFile(provider: Provider) {
  const database = await benchDatabase(provider, path.join(dir, 'shop.db'));
  const product = await database.db.product.findUniqueOrThrow({ where: { slug: SLUG } });
  await saveProductDownloadSettings(database.db, product.id, { downloadLimit: null, licenseDays: null },
    { kind: 's3', fileName: 'pack.zip', s3Bucket: 'bench', s3Key: 'files/pack.zip', s3ExpirySeconds: 300 }, new Date());
  for (let i = 0; i < LICENSES; i += 1) await buyOnce(database.db, SLUG);
  const licenses = await database.db.license.findMany({ select: { id: true } });
  const ring = downloadTokenRing([APP_KEYS]);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const file = path.join(dir, `paths-${provider}.txt`);
  writeFileSync(file, licenses.map((l) => `/api/downloads/${SLUG}?token=${createDownloadToken(l.id, SLUG, ring, nowSeconds, 3600)}`).join('\n'));
  return { database, file };
}

type Measured = Awaited<ReturnType<typeof wrkWithCpu>>;
const pick = (results: Measured[]) => ({
  rps: median(results.map((r) => r.rps)), p99ms: median(results.map((r) => r.p99ms)),
  cpu: median(results.map((r) => r.cpuMsPerRequest)), errors: results.reduce((a, r) => a + r.errors, 0),
  errorKinds: results.map((r) => r.errorKinds).filter(Boolean).join('; '),
});
const fmt = (r: ReturnType<typeof pick>) => `${r.rps.toFixed(0)} req/s, p99 ${r.p99ms.toFixed(1)} ms, ${r.cpu.toFixed(2)} CPU ms/req${r.errors ? `, ${r.errors} errors (${r.errorKinds})` : ''}`;

export async function benchDownloadHotPath(providers: Provider[] = ['sqlite', 'postgresql']) {
  console.log('\nDownload redirect (token → checks → count → log → S3 presigned 302), wrk 64 connections, medians of interleaved rounds:');
  for (const provider of providers) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { database, file } = await pathsFile(provider);
    const shop = await startShop(benchPort(1), { DATABASE_URL: database.url, ...S3_ENV });
    const floor = await startServer(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts', String(benchPort(2)), APP_KEYS], benchPort(2));
    try {
      const script = ['bench/rotate-paths.lua', file];
      await wrk(shop.url, { seconds: 3, script }); // warm-up: JIT, first-request compilation, connection pools
      await wrk(floor.url, { seconds: 2, script });
      const shops: Measured[] = [];
      const floors: Measured[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        floors.push(await wrkWithCpu(floor, { script }));
        shops.push(await wrkWithCpu(shop, { script }));
      }
      const ours = pick(shops);
      const base = pick(floors);
      report(`shop /api/downloads on ${provider} vs bare node:http verify+presign`, fmt(ours), fmt(base), ours.rps / base.rps, 0.5);
      console.log(`      CPU per request, floor/shop: ${(base.cpu / ours.cpu).toFixed(2)} (the same ratio without other load on the machine)`);
      // At saturation, latency is queueing: 64 connections / throughput. Below it, at one fixed
      // offered rate for both servers (a quarter of the floor's maximum: half the throughput
      // the target asks of the shop), p99 shows what a shopper waits.
      const rate = Math.round(base.rps / 4);
      const paced = ['bench/paced-paths.lua', file, String((64 / rate) * 1000)];
      const shopPaced: Measured[] = [];
      const floorPaced: Measured[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        floorPaced.push(await wrkWithCpu(floor, { script: paced }));
        shopPaced.push(await wrkWithCpu(shop, { script: paced }));
      }
      const ourPaced = pick(shopPaced);
      const basePaced = pick(floorPaced);
      report(`  p99 at ${rate} req/s offered (64 connections), shop vs floor`, `p99 ${ourPaced.p99ms.toFixed(1)} ms (${ourPaced.rps.toFixed(0)} req/s)`,
        `p99 ${basePaced.p99ms.toFixed(1)} ms (${basePaced.rps.toFixed(0)} req/s)`, basePaced.p99ms / ourPaced.p99ms);
      console.log(`      shop p99 ${ourPaced.p99ms.toFixed(1)} ms (target < 25 ms: ${ourPaced.p99ms < 25 ? 'met' : 'NOT met'})`);
      const counted = await database.db.license.aggregate({ _sum: { downloadCount: true } });
      const events = await database.db.downloadEvent.count();
      console.log(`      ${events} downloads logged, ${counted._sum.downloadCount} counted`);
    } finally {
      await shop.stop();
      await floor.stop();
      await database.drop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDownloadHotPath(process.argv.slice(2) as Provider[]);
