// npm run bench -- license-api: activations and validations per second through the production shop
// (POST /api/licenses/{activate,validate}, form bodies, random keys of 200 bought plugins) against a
// bare node:http floor doing the same key lookup on the same SQLite database (bench/license-floor.ts),
// measured in the same run with the same client (Node's fetch, keep-alive, 32 requests in flight). Prints figures and ratios.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchDatabase, benchPort, buyOnce, report, startServer, startShop } from './support';

const KEYS = 200;
const SECONDS = Number(process.env.BENCH_LICENSE_SECONDS ?? 5);
const IN_FLIGHT = Number(process.env.BENCH_LICENSE_IN_FLIGHT ?? 32);

async function rate(url: string, body: (i: number) => string): Promise<{ rps: number; errors: number }> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  let done = 0; let errors = 0; let i = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (Date.now() < end) {
      const answer = await fetch(url, { method: 'POST', body: body(i++), headers });
      await answer.arrayBuffer();
      if (answer.status !== 200) errors += 1;
      done += 1;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rps: done / seconds, errors };
}

export async function benchLicenseApi() {
  console.log(`\nLicense API: activate and validate per second, shop vs a bare node:http floor with the same lookup (SQLite, ${KEYS} keys, ${IN_FLIGHT} in flight, ${SECONDS} s each)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-licenses-'));
  const database = await benchDatabase('sqlite', path.join(dir, 'licenses.db'));
  await database.db.product.update({ where: { slug: 'paper-engineering-plugin' }, data: { activationLimit: null } });
  for (let n = 0; n < KEYS; n += 1) await buyOnce(database.db, 'paper-engineering-plugin');
  const keys = (await database.db.license.findMany({ where: { licenseKey: { not: null } }, select: { licenseKey: true } })).map((l) => l.licenseKey!);
  const shop = await startShop(benchPort(21), { DATABASE_URL: database.url, RATE_LIMITS: 'license-per-ip=999999999/60,license-per-key=999999999/60' });
  const floor = await startServer(process.execPath, ['--import', 'tsx', 'bench/license-floor.ts'], benchPort(22), { DATABASE_URL: database.url, PORT: String(benchPort(22)) })
    .catch(async (error) => { await shop.stop(); throw error; });
  try {
    const validate = (i: number) => new URLSearchParams({ license_key: keys[i % keys.length] }).toString();
    const activate = (i: number) => new URLSearchParams({ license_key: keys[i % keys.length], instance_name: `bench-${i}` }).toString();
    await rate(`${shop.url}/api/licenses/validate`, validate); // warm-up: compiles the routes, fills the caches
    await rate(`${floor.url}/validate`, validate);
    // What the framework alone costs on this route: a malformed key is refused after the proxy, the
    // per-address limit and the body parse, before any lookup (a 400 each, counted as non-200).
    const ceiling = await rate(`${shop.url}/api/licenses/validate`, () => 'license_key=not-a-key');
    const floorValidate = await rate(`${floor.url}/validate`, validate);
    report('framework alone: shop refusing a malformed key (no lookup) vs floor validating', `${ceiling.rps.toFixed(0)} req/s (${ceiling.errors} refused, as meant)`,
      `${floorValidate.rps.toFixed(0)} req/s`, ceiling.rps / floorValidate.rps);
    for (const [verb, body] of [['validate', validate], ['activate', activate]] as const) {
      const shopRate = await rate(`${shop.url}/api/licenses/${verb}`, body);
      const floorRate = await rate(`${floor.url}/${verb}`, body);
      report(`${verb}: shop requests/s vs floor`, `${shopRate.rps.toFixed(0)} req/s (${shopRate.errors} non-200)`,
        `${floorRate.rps.toFixed(0)} req/s (${floorRate.errors} non-200)`, shopRate.rps / floorRate.rps);
    }
  } finally {
    await shop.stop();
    await floor.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
