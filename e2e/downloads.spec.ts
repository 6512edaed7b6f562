import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createS3Client } from '../lib/downloads/sources/s3';
import { createDownloadToken, downloadTokenRing } from '../lib/downloads/token';
import { putTestObject } from '../tests/support/s3';
import { ADMIN_PASSWORD, CURRENT_KEY, EXTERNAL_FILE, FIXTURES_URL, S3_CREDENTIALS, S3_ENDPOINT, fileBytes } from './support/env';
import { downloadCountOf, licensesOf, loginAsAdmin, newCustomer, placeOrder, storedFileName } from './support/shop';

test.describe.configure({ mode: 'serial' });

const LOCAL = { slug: 'printable-card-templates', fileName: 'Pop-up templates (été).pdf', bytes: fileBytes('local', 300_000) };
const S3 = { slug: 'svg-cut-files', fileName: 'Pop-up SVG pack.zip', bucket: 'shop-e2e', key: 'packs/svg-pack.zip', bytes: fileBytes('s3', 120_000) };
const EXTERNAL = { slug: 'paper-engineering-plugin' };

async function saveSettings(page: Page, slug: string, kind: string, fields: Record<string, string>) {
  await page.goto(`/admin/products/${slug}`);
  // The versions section above has a source picker of its own.
  const settings = page.getByRole('region', { name: 'Download settings' });
  await settings.getByRole('radio', { name: kind }).check();
  for (const [label, value] of Object.entries(fields)) await settings.getByRole('textbox', { name: label, exact: true }).fill(value);
  await settings.getByRole('button', { name: 'Save settings' }).click();
}

test('an admin configures a local, an external and an S3 file source', async ({ page }) => {
  await loginAsAdmin(page, ADMIN_PASSWORD);
  await page.goto(`/admin/products/${LOCAL.slug}`);
  await page.getByLabel('File to upload', { exact: true }).setInputFiles({ name: LOCAL.fileName, mimeType: 'application/pdf', buffer: LOCAL.bytes });
  await page.getByRole('button', { name: 'Upload and use as local source' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('File uploaded; the product now downloads it.');

  await saveSettings(page, EXTERNAL.slug, 'External URL', { 'Download file name': 'plugin.zip', 'External URL': 'ftp://nope' });
  await expect(page.locator('#externalUrl-error')).toHaveText('Enter an http:// or https:// URL.');
  await saveSettings(page, EXTERNAL.slug, 'External URL', { 'Download file name': 'plugin.zip', 'External URL': `${FIXTURES_URL}${EXTERNAL_FILE.path}` });
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Settings saved.');

  await putTestObject(createS3Client({ endpoint: S3_ENDPOINT, region: 'us-east-1', forcePathStyle: true, ...S3_CREDENTIALS }), S3.bucket, S3.key, S3.bytes);
  const s3Fields = { 'Download file name': S3.fileName, 'S3 bucket': S3.bucket, 'S3 object key': S3.key };
  for (const [lifetime, message] of [['30', 'at least 60'], ['4000', 'at most 3600']]) {
    await saveSettings(page, S3.slug, 'S3 object', { ...s3Fields, 'S3 link lifetime (seconds, 60–3600)': lifetime });
    await expect(page.locator('#s3ExpirySeconds-error')).toContainText(message);
  }
  // Checked when saved: an object the shop cannot read is refused here, not at a shopper's download.
  await saveSettings(page, S3.slug, 'S3 object', { ...s3Fields, 'S3 object key': 'packs/not-uploaded.zip', 'S3 link lifetime (seconds, 60–3600)': '300' });
  await expect(page.locator('#s3Key-error')).toHaveText(`No object s3://${S3.bucket}/packs/not-uploaded.zip was found: check the bucket and the key.`);
  await page.goto('/admin/products');
  // Refused: nothing saved, the demo's sample file (npm run db:setup) is still the source.
  await expect(page.getByRole('row', { name: /Pop-up SVG Cut Files/ })).toContainText('local · pop-up-svg-cut-files-sample.zip');
  await saveSettings(page, S3.slug, 'S3 object', { ...s3Fields, 'S3 link lifetime (seconds, 60–3600)': '300' });
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Settings saved.');
});

// One shopper's browser across the tests below: its session holds the order.
let order: { number: string; url: string };
let page: Page;
test.beforeAll(async ({ browser }) => { page = await browser.newPage(); });
test.afterAll(async () => { await page.close(); });

test('a shopper buys the files and downloads each one from the order page', async () => {
  order = await placeOrder(page, newCustomer(), [[LOCAL.slug, 1], [EXTERNAL.slug, 1], [S3.slug, 1]]);
  await page.getByRole('link', { name: 'My downloads' }).click();
  const downloads = page.getByRole('region', { name: 'My downloads' });
  await expect(downloads.getByRole('listitem')).toHaveCount(3);

  const expected = [
    { name: /Printable Pop-up Templates/, fileName: LOCAL.fileName, bytes: LOCAL.bytes },
    { name: /Paper Engineering Plugin/, fileName: EXTERNAL_FILE.fileName, bytes: EXTERNAL_FILE.bytes() },
    { name: /SVG Cut Files/, fileName: S3.fileName, bytes: S3.bytes },
  ];
  for (const file of expected) {
    const item = downloads.getByRole('listitem').filter({ hasText: file.name });
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: /Download/ }).click()]);
    expect(download.suggestedFilename()).toBe(file.fileName);
    expect(readFileSync((await download.path())!).equals(file.bytes)).toBe(true);
  }
});

async function tokenFor(slug: string) {
  const license = licensesOf(order.number).find((l) => l.slug === slug)!;
  const response = await page.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: license.id, product_slug: slug } });
  expect(response.status()).toBe(200);
  return { license, token: ((await response.json()) as { token: string }).token };
}

test('bad, expired, foreign and refused tokens get their documented status', async ({ request, browser }) => {
  await page.goto(order.url);
  const { license, token } = await tokenFor(LOCAL.slug);
  const url = (t: string, slug = LOCAL.slug) => `/api/downloads/${slug}?token=${encodeURIComponent(t)}`;
  const tampered = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  const expired = createDownloadToken(license.id, LOCAL.slug, downloadTokenRing([CURRENT_KEY]), Math.floor(Date.now() / 1000) - 600);

  expect((await request.get(`/api/downloads/${LOCAL.slug}`)).status()).toBe(400);
  expect((await request.get(url('not-a-token'))).status()).toBe(400);
  expect((await request.get(url(tampered))).status()).toBe(403);
  const gone = await request.get(url(expired));
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain('Open your order page');
  expect((await request.get(url(token, S3.slug))).status()).toBe(403);

  const stranger = await browser.newPage();
  await stranger.goto(order.url);
  const refused = await stranger.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: license.id, product_slug: LOCAL.slug } });
  expect(refused.status()).toBe(403);
  expect((await stranger.request.post('/api/downloads/token', { data: { nonsense: true } })).status()).toBe(400);
  await stranger.close();

  const admin = await browser.newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto(`/admin/orders/${order.number}`);
  const card = admin.getByRole('article', { name: new RegExp(`License ${license.id}:`) });
  await card.getByRole('button', { name: 'Revoke license' }).click();
  await expect(admin.getByTestId(`license-status-${license.id}`)).toHaveText('revoked');
  const revoked = await request.get(url(token));
  expect(revoked.status()).toBe(403);
  expect(await revoked.text()).toContain('This download is no longer available: its purchase was refunded or cancelled, or the shop withdrew it.');
  await card.getByRole('button', { name: 'Reactivate license' }).click();
  await expect(admin.getByTestId(`license-status-${license.id}`)).toHaveText('active');
  expect((await request.get(url(token), { headers: { 'user-agent': 'after-reactivation' } })).status()).toBe(200);

  // Downloads so far: the browser's and the one above; a limit of 2 is reached.
  await card.getByLabel('Download limit').fill('2');
  await card.getByRole('button', { name: 'Save limits' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'License limits saved.' })).toBeVisible();
  const over = await request.get(url(token), { headers: { 'user-agent': 'yet-another-client' } });
  expect(over.status()).toBe(403);
  expect(await over.text()).toContain('download limit');
  await expect(card.getByRole('table')).toContainText('local');
  await admin.close();
});

test('S3 and external sources redirect only after the checks, to a URL the server verifies', async ({ request }) => {
  await page.goto(order.url);
  const { token } = await tokenFor(S3.slug);
  const s3 = await request.get(`/api/downloads/${S3.slug}?token=${token}`, { maxRedirects: 0 });
  expect(s3.status()).toBe(302);
  const presigned = new URL(s3.headers().location);
  expect(presigned.origin).toBe(S3_ENDPOINT);
  expect(presigned.searchParams.get('X-Amz-Expires')).toBe('300');
  expect((await request.get(presigned.toString())).status()).toBe(200);
  presigned.searchParams.set('X-Amz-Signature', '0'.repeat(64));
  expect((await request.get(presigned.toString())).status()).toBe(403);

  const ext = await tokenFor(EXTERNAL.slug);
  const external = await request.get(`/api/downloads/${EXTERNAL.slug}?token=${ext.token}`, { maxRedirects: 0 });
  expect(external.status()).toBe(302);
  expect(external.headers().location).toBe(`${FIXTURES_URL}${EXTERNAL_FILE.path}`);
});

test('local files resume with Range and are reachable by no other URL', async ({ request }) => {
  const customer = newCustomer();
  const fresh = await placeOrder(page, customer, [[LOCAL.slug, 1]]);
  const [license] = licensesOf(fresh.number);
  const issued = await page.request.post('/api/downloads/token', { data: { order_link: fresh.url, license_id: license.id, product_slug: LOCAL.slug } });
  const { url } = (await issued.json()) as { url: string };

  const head = await request.head(url);
  expect(head.status()).toBe(200);
  expect(head.headers()['content-length']).toBe(String(LOCAL.bytes.length));
  expect(downloadCountOf(license.id)).toBe(0);

  const part = await request.get(url, { headers: { range: 'bytes=1000-1999' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 1000-1999/${LOCAL.bytes.length}`);
  expect(part.headers()['content-length']).toBe('1000');
  expect(part.headers()['content-disposition']).toContain("filename*=UTF-8''Pop-up%20templates%20%28%C3%A9t%C3%A9%29.pdf");
  expect((await part.body()).equals(LOCAL.bytes.subarray(1000, 2000))).toBe(true);
  const rest = await request.get(url, { headers: { range: 'bytes=2000-' } });
  expect(rest.status()).toBe(206);
  expect((await rest.body()).equals(LOCAL.bytes.subarray(2000))).toBe(true);
  const outside = await request.get(url, { headers: { range: `bytes=${LOCAL.bytes.length}-` } });
  expect(outside.status()).toBe(416);
  expect(outside.headers()['content-range']).toBe(`bytes */${LOCAL.bytes.length}`);
  expect(downloadCountOf(license.id)).toBe(1); // the resumed part was not counted again

  const name = storedFileName(LOCAL.slug);
  const paths = [`/${name}`, `/files/${name}`, `/data/${name}`, `/data/files/${name}`, `/data/e2e-files/${name}`,
    `/_next/static/${name}`, `/api/downloads/${name}`, `/api/downloads/..%2F..%2Fdata%2Fe2e-files%2F${name}`,
    `/public/../data/e2e-files/${name}`, `/_next/static/..%2F..%2Fdata%2Fe2e-files%2F${name}`];
  for (const path of paths) {
    const response = await request.get(path);
    expect([400, 404], path).toContain(response.status());
    expect((await response.body()).includes(LOCAL.bytes.subarray(0, 64))).toBe(false);
  }
});

test('limit 1, one counted download, then five Range: bytes=1- from the same client: all refused', async ({ request, browser }) => {
  const fresh = await placeOrder(page, newCustomer(), [[LOCAL.slug, 1]]);
  const [license] = licensesOf(fresh.number);
  const admin = await browser.newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto(`/admin/orders/${fresh.number}`);
  await admin.getByLabel('Download limit').fill('1');
  await admin.getByRole('button', { name: 'Save limits' }).click();
  await expect(admin.getByText('License limits saved.')).toBeVisible();
  await admin.close();

  const issued = await page.request.post('/api/downloads/token', { data: { order_link: fresh.url, license_id: license.id, product_slug: LOCAL.slug } });
  const { url } = (await issued.json()) as { url: string };
  const whole = await request.get(url);
  expect(whole.status()).toBe(200);
  expect((await whole.body()).equals(LOCAL.bytes)).toBe(true);
  for (let i = 0; i < 5; i += 1) {
    const resumed = await request.get(url, { headers: { range: 'bytes=1-' } });
    expect(resumed.status(), `Range request ${i + 1}`).toBe(403);
    expect((await resumed.body()).includes(LOCAL.bytes.subarray(1, 65))).toBe(false);
  }
  expect(downloadCountOf(license.id)).toBe(1);
});
