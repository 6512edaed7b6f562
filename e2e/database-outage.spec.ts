// PostgreSQL stops under a running shop: pages and APIs answer 503 with Retry-After
// and a short page that says nothing about the database; when it returns, the very
// next request works. The shop here runs on a PostgreSQL server of this spec's own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { createDownloadToken, downloadTokenRing } from '../lib/downloads/token';
import { CURRENT_KEY, ownPort } from './support/env';
import { startOwnShop, type OwnShop } from './support/own-shop';
import { initPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { newCustomer, placeOrder } from './support/shop';

test.describe.configure({ mode: 'serial' });

let postgres: PrivatePostgres;
let shop: OwnShop;
const storageDir = mkdtempSync(path.join(tmpdir(), 'shop-outage-files-'));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  postgres = initPrivatePostgres(ownPort(10));
  postgres.start();
  const url = await postgres.createDatabase('shop');
  const env = { DATABASE_URL: url, STORAGE_DIR: storageDir, SMTP_URL: `smtp://127.0.0.1:${ownPort(19)}` };
  execFileSync('npx', ['tsx', 'scripts/db/setup.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  shop = await startOwnShop(ownPort(11), env);
});

test.afterAll(async () => {
  await shop?.stop();
  postgres?.destroy();
  rmSync(storageDir, { recursive: true, force: true });
});

async function expectUnavailable(response: APIResponse) {
  expect(response.status(), response.url()).toBe(503);
  expect(response.headers()['retry-after']).toBe('30');
  const body = await response.text();
  expect(body).toContain('temporarily unavailable');
  expect(body).not.toMatch(/prisma|postgres|database|sql|stack|\bat [\w.]+ \(|4\d{3}/i);
  // A page in the shop's layout (header, main, footer, its few styles), still short: nothing else in it.
  expect(body.length).toBeLessThan(4000);
}

test('pages and APIs answer 503 while PostgreSQL is down, and work on the first request after it returns', async ({ browser, request }) => {
  const page = await browser.newPage({ baseURL: shop.url });
  const order = await placeOrder(page, newCustomer(), [['printable-card-templates', 1]]);
  expect((await request.get(`${shop.url}/`)).status()).toBe(200);
  // The first license on this fresh database.
  const token = createDownloadToken(1, 'printable-card-templates', downloadTokenRing([CURRENT_KEY]), Math.floor(Date.now() / 1000));
  const tokenRequest = () => page.request.post(`${shop.url}/api/downloads/token`, {
    data: { order_link: order.url, license_id: 1, product_slug: 'printable-card-templates' },
  });
  expect((await tokenRequest()).status()).toBe(200);

  postgres.stop();
  for (const pathName of ['/', '/products/pop-up-castle', '/cart', order.url, '/admin']) {
    await expectUnavailable(await request.get(`${shop.url}${pathName}`));
  }
  await expectUnavailable(await tokenRequest());
  await expectUnavailable(await request.get(`${shop.url}/api/downloads/printable-card-templates?token=${token}`));
  await page.goto(order.url);
  await expect(page.getByRole('heading', { name: 'Temporarily unavailable' })).toBeVisible();
  expect(shop.log()).not.toMatch(/unhandled|uncaught/i);

  postgres.start();
  const first = await request.get(`${shop.url}/products/pop-up-castle`);
  expect(first.status()).toBe(200);
  await page.goto(order.url);
  await expect(page.getByRole('heading', { name: /Order/ }).first()).toBeVisible();
  const download = await request.get(`${shop.url}/api/downloads/printable-card-templates?token=${token}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  await page.close();
});
