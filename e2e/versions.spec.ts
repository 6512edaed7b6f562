// Issue 20, versions: an admin publishes 1.1 with release notes through the product page; the
// buyer's order page shows 1.1 with its SHA-256, and the file downloaded from it hashes to that.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin, newCustomer, placeOrder } from './support/shop';

const SLUG = 'printable-card-templates';
const version = `1.1-e2e${Date.now()}`;
const bytes = randomBytes(200_000);
const sha256 = createHash('sha256').update(bytes).digest('hex');

test('an admin publishes a version; the buyer sees its SHA-256 and downloads exactly those bytes', async ({ browser }) => {
  const buyer = await browser.newPage();
  await placeOrder(buyer, newCustomer(), [[SLUG, 1]]);
  const orderUrl = buyer.url();

  const admin = await browser.newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto(`/admin/products/${SLUG}`);
  // The older file forms say what they do not do: no version, no notice, no digest.
  await expect(admin.getByText('These two forms replace the file buyers download without a new version', { exact: false })).toBeVisible();
  await admin.getByLabel('Version (for example 1.1)').fill(version);
  await admin.getByLabel('Release notes (Markdown)').fill('## What is new\n\n* **Sharper** fold lines');
  await admin.getByRole('radio', { name: 'Upload the version’s file' }).check();
  await admin.getByLabel('Version file to upload').setInputFiles({ name: 'templates-1.1.pdf', mimeType: 'application/pdf', buffer: bytes });
  await admin.getByRole('button', { name: 'Publish version' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `Version ${version} published` })).toContainText(/buyers? told/);
  await expect(admin.getByTestId('versions')).toContainText(sha256);

  await buyer.goto(orderUrl);
  const line = buyer.getByTestId(`download-${SLUG}`);
  const current = line.getByTestId(`version-${version}`);
  await expect(current).toContainText(`Version ${version}`);
  await expect(current.getByTestId('sha256')).toHaveText(sha256);
  await current.getByText(`Release notes for ${version}`).click();
  await expect(current.locator('.release-notes strong')).toHaveText('Sharper');
  await expect(current.getByRole('button', { name: new RegExp(`Copy the SHA-256 of .* ${version.replace(/\./g, '\\.')}`) })).toBeVisible();

  const [download] = await Promise.all([buyer.waitForEvent('download'), line.getByRole('button', { name: /^Download/ }).first().click()]);
  const received = readFileSync((await download.path())!);
  expect(createHash('sha256').update(received).digest('hex')).toBe(sha256);
  await admin.close();
  await buyer.close();
});
