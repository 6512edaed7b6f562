// DOWNLOAD_OFFLOAD=nginx behind real nginx with the repository's server block: the
// shop checks and counts, nginx sends the bytes (Range included), and the stored
// files are reachable only through a token.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { attachmentDisposition } from '../lib/downloads/disposition';
import { createDownloadToken, downloadTokenRing } from '../lib/downloads/token';
import { ownPort } from './support/env';
import { startNginx, shopServerBlock, type RunningNginx } from './support/nginx';
import { startOwnShop, type OwnShop } from './support/own-shop';
import { newCustomer, placeOrder } from './support/shop';

test.describe.configure({ mode: 'serial' });

const dir = mkdtempSync(path.join(tmpdir(), 'shop-offload-'));
const storageDir = path.join(dir, 'files');
const databaseFile = path.join(dir, 'shop.db');
let shop: OwnShop;
let nginx: RunningNginx;
const SLUG = 'printable-card-templates';

const query = <T>(sql: string, ...args: unknown[]) => {
  const db = new Database(databaseFile, { readonly: true });
  try { return db.prepare(sql).get(...args) as T; } finally { db.close(); }
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  chmodSync(dir, 0o755);
  const env = { DATABASE_URL: `file:${databaseFile}`, STORAGE_DIR: storageDir, DOWNLOAD_OFFLOAD: 'nginx', TRUST_PROXY: 'true' };
  execFileSync('npx', ['tsx', 'scripts/db/setup.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  shop = await startOwnShop(ownPort(20), { ...env, PUBLIC_URL: `http://127.0.0.1:${ownPort(21)}` });
  nginx = await startNginx(ownPort(21), shopServerBlock(ownPort(21), `127.0.0.1:${ownPort(20)}`, storageDir));
});

test.afterAll(async () => {
  await nginx?.stop();
  await shop?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('nginx sends the file the shop authorised and counted, with Range, and nothing without a token', async ({ browser, request }) => {
  const page = await browser.newPage({ baseURL: nginx.url });
  const order = await placeOrder(page, newCustomer(), [[SLUG, 1]]);
  const issued = await page.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: 1, product_slug: SLUG } });
  expect(issued.status()).toBe(200);
  const { url } = await issued.json();
  const { storedName } = query<{ storedName: string }>('SELECT f.storedName FROM "FileSource" f JOIN "Product" p ON p.id = f.productId WHERE p.slug = ?', SLUG);
  const bytes = readFileSync(path.join(storageDir, storedName));

  // An interrupted download, then its resume: nginx answers each range from the file; the
  // shop counts the first and logs the resume without counting again (the spec's Counting rule).
  const first = await request.get(`${nginx.url}${url}`, { headers: { Range: 'bytes=0-99', 'User-Agent': 'offload-test' } });
  expect(first.status()).toBe(206);
  expect(Buffer.from(await first.body()).equals(bytes.subarray(0, 100))).toBe(true);
  const etag = first.headers().etag;
  const part = await request.get(`${nginx.url}${url}`, { headers: { Range: 'bytes=100-299', 'If-Range': etag, 'User-Agent': 'offload-test' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 100-299/${bytes.length}`);
  expect(Buffer.from(await part.body()).equals(bytes.subarray(100, 300))).toBe(true);
  expect(query<{ downloadCount: number }>('SELECT downloadCount FROM "License" WHERE id = 1').downloadCount).toBe(1);
  expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM "DownloadEvent" WHERE licenseId = 1 AND rangeStart = 100 AND counted = 0').n).toBe(1);

  // A whole-file request always counts.
  const whole = await request.get(`${nginx.url}${url}`, { headers: { 'User-Agent': 'offload-test' } });
  expect(whole.status()).toBe(200);
  expect(whole.headers()['content-type']).toBe('application/pdf');
  expect(whole.headers()['content-disposition']).toBe(attachmentDisposition('pop-up-templates-sample.pdf'));
  expect(whole.headers()['content-length']).toBe(String(bytes.length));
  expect(whole.headers()['x-accel-redirect']).toBeUndefined();
  expect(whole.headers()['cache-control']).toBe('private, no-store');
  expect(whole.headers()['x-robots-tag']).toBe('noindex');
  expect(Buffer.from(await whole.body()).equals(bytes)).toBe(true);
  expect(query<{ downloadCount: number }>('SELECT downloadCount FROM "License" WHERE id = 1').downloadCount).toBe(2);
  // The log has the client's address from nginx's X-Forwarded-For, not nginx's own.
  expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM "DownloadEvent" WHERE licenseId = 1 AND ip = ?', '127.0.0.1').n).toBe(3);

  // The internal location and the storage directory are not reachable from outside.
  expect((await request.get(`${nginx.url}/_shop_files/${storedName}`)).status()).toBe(404);
  const forged = createDownloadToken(1, SLUG, downloadTokenRing(['another-key-0123456789abcdefghijklmnopq']), Math.floor(Date.now() / 1000));
  const refused = await request.get(`${nginx.url}/api/downloads/${SLUG}?token=${forged}`);
  expect(refused.status()).toBe(403);
  expect(refused.headers()['content-type']).toContain('text/html');
  expect(await refused.text()).not.toContain('%PDF');
  await page.close();
});
