// Two shop instances from the same build behind a load balancer (one public address), sharing
// PostgreSQL (PG_TEST_URL's server) and Redis (REDIS_TEST_URL). A refund made on one is refused
// on the other at once: every download reads its licence row and every content link its grant
// row, on every use; no instance caches either. Neither server may be missing: this flow fails,
// it is never skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createTemporaryPgDatabase, pgTestUrl } from '../lib/db/migration-drift';
import { ADMIN_PASSWORD, ownPort } from './support/env';
import { INSTANCE_HEADER, startBalancer, type Balancer } from './support/balancer';
import { startOwnShop, type OwnShop } from './support/own-shop';
import { loginAsAdmin, newCustomer, placeOrder, waitForMail } from './support/shop';
import {
  ARTICLE, DOWNLOAD, ONE_OF_EACH, PASS, downloadUrlOf, expectArticleOpens, expectArticleRevoked, expectDownloadRefused,
  expectDownloadWorks, expectPassOpens, expectPassRevoked, fillRefundForm, mailedReadingLinks,
} from './support/refunds';

test.describe.configure({ mode: 'serial' });

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const storageDir = mkdtempSync(path.join(tmpdir(), 'shop-two-files-'));
let database: { url: string; drop(): Promise<void> } | undefined;
let instanceA: OwnShop | undefined;
let instanceB: OwnShop | undefined;
let balancer: Balancer | undefined;

async function requireRedis(url: string) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  let cause: Error | undefined;
  redis.on('error', (error: Error) => { cause = error; });
  try {
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
  } catch (error) {
    throw new Error(`Redis at ${url} is unreachable (set REDIS_TEST_URL): ${(cause ?? error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

async function queryOne<T>(sql: string, ...values: unknown[]): Promise<T> {
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  try { return (await client.query(sql, values)).rows[0] as T; } finally { await client.end(); }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await requireRedis(REDIS_URL);
  database = await createTemporaryPgDatabase(pgTestUrl()).catch((error: Error) => {
    throw new Error(`PostgreSQL at ${pgTestUrl()} is unreachable (set PG_TEST_URL): ${error.message}`);
  });
  // Both name the balancer's address: links and mail carry it, and both verify content links against it.
  const env = { DATABASE_URL: database.url, REDIS_URL, STORAGE_DIR: storageDir, PUBLIC_URL: `http://127.0.0.1:${ownPort(24)}` };
  execFileSync('npx', ['tsx', 'scripts/db/setup.ts', '--fresh'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  [instanceA, instanceB] = await Promise.all([startOwnShop(ownPort(22), env), startOwnShop(ownPort(23), env)]);
  balancer = await startBalancer(ownPort(24), { A: instanceA.url, B: instanceB.url });
});

test.afterEach(async ({}, info) => {
  if (info.status === info.expectedStatus) return;
  for (const [name, shop] of [['instance-A', instanceA], ['instance-B', instanceB]] as const) {
    if (!shop) continue;
    const file = info.outputPath(`${name}.log`);
    writeFileSync(file, shop.log());
    await info.attach(name, { path: file, contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  await balancer?.close();
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
  await database?.drop();
  rmSync(storageDir, { recursive: true, force: true });
});

/** A browser whose every request the balancer sends to one instance. */
const browsingOn = async (browser: Browser, instance: 'A' | 'B') =>
  (await browser.newContext({ baseURL: balancer!.url, extraHTTPHeaders: { [INSTANCE_HEADER]: instance } })).newPage();

test('a refund made on instance B is refused on instance A at once: download, article link and pass link', async ({ browser, request }) => {
  const a = instanceA!;
  const b = instanceB!;
  // The buyer shops, pays and reads on A.
  const buyer = await browsingOn(browser, 'A');
  const customer = newCustomer();
  const order = await placeOrder(buyer, customer, ONE_OF_EACH);
  const license = await queryOne<{ id: number }>(`SELECT l.id FROM "License" l JOIN "Order" o ON o.id = l."orderId" WHERE o.number = $1`, order.number);
  const download = await downloadUrlOf(buyer, order, license.id);
  const links = await mailedReadingLinks(request, customer, order.number);
  expect(links.article.startsWith(`${balancer!.url}/`)).toBe(true);
  await expectDownloadWorks(buyer.request, download);
  await expectArticleOpens(buyer, links.article);
  await expectPassOpens(buyer, links.pass);
  // The same links open on B too: whichever instance the balancer picks.
  const onB = await browsingOn(browser, 'B');
  await expectDownloadWorks(onB.request, download);
  await expectArticleOpens(onB, links.article);
  await expectPassOpens(onB, links.pass);

  // The admin refunds the whole order on B.
  const admin = await browsingOn(browser, 'B');
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  const { totalCents } = await queryOne<{ totalCents: number }>(`SELECT "totalCents" FROM "Order" WHERE number = $1`, order.number);
  const form = await fillRefundForm(admin, order.number, { lines: [DOWNLOAD.name, ARTICLE.name, PASS.name], amount: (totalCents / 100).toFixed(2), reason: 'Refunded on instance B' });
  await form.getByRole('button', { name: 'Yes, refund' }).click();
  await expect(admin.getByTestId('admin-order-status')).toHaveText('refunded');

  // At once on A, with nothing in between: each is refused, checked once, and A is the one refusing.
  await expectDownloadRefused(buyer.request, download);
  await expectArticleRevoked(buyer, links.article);
  await expectPassRevoked(buyer, links.pass);
  for (const refusal of ['refused: LICENSE_REVOKED', 'refused: CONTENT_LINK_REVOKED']) {
    expect(a.log()).toContain(refusal);
    expect(b.log()).not.toContain(refusal);
  }
  // B refuses them too.
  await expectDownloadRefused(onB.request, download);
  await expectArticleRevoked(onB, links.article);

  await buyer.goto(order.url);
  await expect(buyer.getByTestId('order-status')).toHaveText('Refunded');
  await waitForMail(request, customer.email, new RegExp(`^Refund for your order #${order.number}$`));
  for (const page of [buyer, onB, admin]) await page.context().close();
});
