// The admin sets up a merchant integration in the browser: bad certificates are refused with a
// message and change nothing, a real one is shown only as fingerprint/subject/expiry, replacing it
// keeps the old one for the grace period; store keys are published and rotated.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin } from './support/shop';

const dir = mkdtempSync(path.join(tmpdir(), 'e2e-merchant-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function opensslKeys(name: string, bits = 2048) {
  const key = path.join(dir, `${name}.key.pem`);
  const cert = path.join(dir, `${name}.cert.pem`);
  execFileSync('openssl', ['genrsa', '-out', key, String(bits)], { stdio: 'ignore' });
  execFileSync('openssl', ['req', '-new', '-key', key, '-x509', '-days', '3650', '-out', cert, '-subj', `/O=${name}/CN=${name}.example`], { stdio: 'ignore' });
  return { key, cert, certPem: readFileSync(cert, 'utf8') };
}

async function upload(page: Page, card: ReturnType<Page['getByRole']>, file: string, graceHours?: string) {
  await card.getByLabel('Certificate file (publiccert.pem)').setInputFiles(file);
  if (graceHours !== undefined) await card.getByLabel(/Keep the current certificate working/).fill(graceHours);
  await card.getByRole('button', { name: /(Upload|Replace) certificate/ }).click();
}

test('an admin creates an integration, refuses bad certificates, uploads and replaces one, and switches it', async ({ page }) => {
  const first = opensslKeys('first-merchant');
  const second = opensslKeys('second-merchant');
  const small = opensslKeys('small-merchant', 1024);
  const name = `Partner ${Date.now()}`;
  await loginAsAdmin(page, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Integrations' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create integration' }).click();
  const card = page.getByRole('article', { name });
  await expect(card).toContainText('None yet');
  await expect(card.locator('dd code')).toHaveText(/^[A-Za-z0-9_-]{24}$/);

  await upload(page, card, first.key);
  await expect(card.getByRole('alert')).toHaveText(/This is a private key/);
  await upload(page, card, small.cert);
  await expect(card.getByRole('alert')).toHaveText(/1024 bits; at least 2048/);
  await expect(card).toContainText('None yet');

  await upload(page, card, first.cert);
  await expect(card.getByRole('status')).toContainText('saved');
  await expect(card).toContainText('CN=first-merchant.example');
  await expect(card.locator('li')).toHaveCount(1);
  const body = first.certPem.split('\n')[3];
  expect(await page.content()).not.toContain(body);

  await upload(page, card, second.cert, 'soon');
  await expect(card.getByRole('alert')).toHaveText(/whole number of hours/);
  await upload(page, card, second.cert, '2');
  await expect(card.getByRole('status')).toContainText('keeps working for 2 hours');
  await page.reload();
  await expect(card.locator('li')).toHaveCount(2);
  await expect(card.locator('li').filter({ hasText: 'CN=first-merchant.example' })).toContainText('previous, accepted until');
  await expect(card.locator('li').filter({ hasText: 'CN=second-merchant.example' })).toContainText('current');

  await card.getByRole('button', { name: 'Switch to live mode' }).click();
  await expect(card.getByRole('button', { name: 'Switch to test mode' })).toBeVisible();
  await card.getByRole('button', { name: 'Disable' }).click();
  await expect(card.getByRole('button', { name: 'Enable' })).toBeVisible();
  await expect(card).toContainText('disabled');
});

test('the store publishes its keys at /.well-known/jwks.json and the admin rotates them', async ({ page, request }) => {
  const before = await request.get('/.well-known/jwks.json');
  expect(before.status()).toBe(200);
  expect(before.headers()['access-control-allow-origin']).toBe('*');
  const { keys } = await before.json();
  const encryption = keys.filter((key: { use: string }) => key.use === 'enc');
  expect(encryption.length).toBeGreaterThanOrEqual(1);
  expect(encryption[0]).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256', kid: expect.any(String) });
  expect(JSON.stringify(keys)).not.toMatch(/"d":/);

  await loginAsAdmin(page, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Store keys' }).click();
  await expect(page.getByRole('cell', { name: encryption[0].kid })).toBeVisible();
  await page.getByRole('link', { name: 'Rotate payload-encryption key…' }).click();
  await expect(page.getByText('A new key becomes active at once; the current one stays published and usable for 7 days')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, rotate the payload-encryption key' }).click();
  await expect(page.getByRole('status')).toContainText('is active');
  const after = (await (await request.get('/.well-known/jwks.json')).json()).keys.filter((key: { use: string }) => key.use === 'enc');
  expect(after.length).toBe(encryption.length + 1);
  expect(after.map((key: { kid: string }) => key.kid)).toContain(encryption[0].kid);
});
