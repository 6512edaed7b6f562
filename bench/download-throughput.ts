// Local 1 GiB downloads measured by an external client (curl), interleaved rounds:
// nginx serving the file with sendfile (the baseline), a plain node:http server
// streaming with the shop's own function (same 1 MiB reads), the shop streaming it itself, and the
// shop behind nginx with DOWNLOAD_OFFLOAD=nginx (deploy/nginx/shop.conf). Memory:
// the serving processes' RSS growth while streaming, sampled from outside.
import { chmodSync, mkdirSync, rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { saveUpload } from '../lib/downloads/storage';
import { saveProductDownloadSettings, saveUploadedFile } from '../lib/downloads/settings';
import { createDownloadToken, downloadTokenRing } from '../lib/downloads/token';
import { shopServerBlock, startNginx, staticServerBlock } from '../e2e/support/nginx';
import { APP_KEYS, benchDatabase, benchPort, buyOnce, curlMiBs, median, report, ROUNDS, rssOfTree, startServer, startShop } from './support';

// Single 1 GiB transfers on this 2-core machine vary by 3x (curl shares the cores with the
// server): more rounds than the request-rate benches, which average thousands of requests each.
const LOCAL_ROUNDS = ROUNDS * 2 + 1;

const GIB = 1024 ** 3;
const SLUG = 'printable-card-templates';
const dir = path.resolve('.tmp/bench-local');

interface Series { name: string; url: () => string; pids: () => number[]; rates: number[]; growth: number[] }

async function measure(series: Series): Promise<void> {
  const idle = series.pids().reduce((sum, pid) => sum + rssOfTree(pid), 0);
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, series.pids().reduce((sum, pid) => sum + rssOfTree(pid), 0)); }, 20);
  try {
    series.rates.push(await curlMiBs(series.url(), GIB));
  } finally {
    clearInterval(sampler);
  }
  series.growth.push(peak - idle);
}

export async function benchLocalDownloads() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755); // nginx workers read the files
  const files = path.join(dir, 'files');
  const database = await benchDatabase('sqlite', path.join(dir, 'shop.db'));
  const { storedName } = await saveUpload(files, Readable.from([]), 'one-gib.bin');
  truncateSync(path.join(files, storedName), GIB);
  const product = await database.db.product.findUniqueOrThrow({ where: { slug: SLUG } });
  await saveProductDownloadSettings(database.db, product.id, { downloadLimit: null, licenseDays: null }, { kind: 'none' }, new Date());
  await saveUploadedFile(database.db, product.id, { storedName, fileName: 'one-gib.bin', contentType: 'application/octet-stream' }, new Date());
  await buyOnce(database.db, SLUG);
  const license = await database.db.license.findFirstOrThrow();
  await database.db.$disconnect();

  const env = { DATABASE_URL: database.url, STORAGE_DIR: files, TRUST_PROXY: 'true' };
  const shop = await startShop(benchPort(10), env);
  const offloadShop = await startShop(benchPort(11), { ...env, DOWNLOAD_OFFLOAD: 'nginx' });
  const front = await startNginx(benchPort(12), shopServerBlock(benchPort(12), `127.0.0.1:${benchPort(11)}`, files));
  const plainNginx = await startNginx(benchPort(13), staticServerBlock(benchPort(13), files));
  const node = await startServer(process.execPath, ['--import', 'tsx', 'bench/baseline-server.ts', path.join(files, storedName), String(benchPort(14))], benchPort(14));
  const token = () => createDownloadToken(license.id, SLUG, downloadTokenRing([APP_KEYS]), Math.floor(Date.now() / 1000));
  const tokenPath = () => `/api/downloads/${SLUG}?token=${token()}`;
  const series: Series[] = [
    { name: 'nginx sendfile', url: () => `${plainNginx.url}/${storedName}`, pids: () => [plainNginx.pid], rates: [], growth: [] },
    { name: 'node:http, 1 MiB reads', url: () => `${node.url}/file`, pids: () => [node.process.pid!], rates: [], growth: [] },
    { name: 'shop, Node streaming', url: () => `${shop.url}${tokenPath()}`, pids: () => [shop.process.pid!], rates: [], growth: [] },
    { name: 'shop + nginx offload', url: () => `${front.url}${tokenPath()}`, pids: () => [offloadShop.process.pid!, front.pid], rates: [], growth: [] },
  ];
  try {
    // Warm-up: a fresh server streams its first downloads far slower than later ones (on
    // 512 MiB: 140, 690, 1080, 1570 MiB/s in a row for the shop) while its heap and JIT settle.
    for (let i = 0; i < 3; i += 1) for (const s of series) await curlMiBs(s.url(), GIB);
    for (let round = 0; round < LOCAL_ROUNDS; round += 1) for (const s of series) await measure(s);
    const [nginx, plainNode, nodePath, offload] = series;
    const mibs = (s: Series) => `${median(s.rates).toFixed(0)} MiB/s (${s.rates.map((r) => r.toFixed(0)).join(', ')})`;
    const grew = (s: Series) => `${(Math.max(...s.growth) / 2 ** 20).toFixed(0)} MiB`;
    console.log(`\nLocal download of a 1 GiB file with curl, ${LOCAL_ROUNDS} interleaved rounds, medians:`);
    report('shop + nginx offload vs plain nginx sendfile', mibs(offload), mibs(nginx), median(offload.rates) / median(nginx.rates), 0.9);
    report('shop Node streaming vs plain nginx sendfile', mibs(nodePath), mibs(nginx), median(nodePath.rates) / median(nginx.rates), 0.5);
    report('shop Node streaming vs plain node:http (the shop\'s streaming function alone)', mibs(nodePath), mibs(plainNode), median(nodePath.rates) / median(plainNode.rates));
    console.log(`  peak memory growth while streaming 1 GiB (target < 64 MiB): shop Node streaming ${grew(nodePath)}, `
      + `shop + nginx offload ${grew(offload)} (shop and nginx), node:http ${grew(plainNode)}, nginx ${grew(nginx)}`);
  } finally {
    await Promise.all([shop.stop(), offloadShop.stop(), front.stop(), plainNginx.stop(), node.stop()]);
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLocalDownloads();
