// Orders with nothing to post read as such everywhere (status, headings, the confirmation email
// lists the downloads and the reading), and a download that cannot be had says why and what to
// do next, with no live Download button.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { licensesOf, loginAsAdmin, newCustomer, placeOrder, waitForMail } from './support/shop';

const TEMPLATES = 'printable-card-templates';

test('an order of a download and an article never speaks of delivery, and its email lists both', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer, [[TEMPLATES, 1], ['article-how-pop-ups-work', 1]]);

  await expect(page.getByTestId('thanks')).toContainText(`We have sent the confirmation to ${customer.email}.`);
  await expect(page.getByTestId('order-status')).toHaveText('Paid — ready for you');
  await expect(page.getByRole('heading', { name: 'Contact', exact: true })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/delivery|being prepared/i);
  await expect(page.getByTestId(`download-${TEMPLATES}`)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('button', { name: 'Download Printable Pop-up Templates (PDF)' })).toBeVisible();

  const mail = await waitForMail(request, customer.email, new RegExp(`^Your order #${order.number} is confirmed$`));
  expect(mail.text).toMatch(/Your downloads are waiting on your order page \(link below\):\n {2}Printable Pop-up Templates \(PDF\)/);
  expect(mail.text).toContain('Read online');
  expect(mail.text).toMatch(/How Pop-ups Really Work \(until \d{1,2} [A-Z][a-z]+ \d{4}\):/);
  expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}|deliver/i);

  // Another browser with the link: the hidden details are contact details only.
  const other = await browser.newPage();
  await other.goto(order.url);
  await expect(other.getByText('Contact details are shown only in the browser the order was placed in.')).toBeVisible();
  await expect(other.getByTestId('order-status')).toHaveText('Paid — ready for you');
  await other.close();
});

/** On the order's admin page: the license's limit and expiry, as an admin overrides them. */
async function overrideLicense(browser: Browser, number: string, fields: { downloadLimit?: string; expiresOn?: string }) {
  const admin = await browser.newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto(`/admin/orders/${number}`);
  const form = admin.locator('form:has(input[name="downloadLimit"])');
  for (const [name, value] of Object.entries(fields)) await form.locator(`input[name="${name}"]`).fill(value);
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole('status')).toBeVisible();
  await admin.close();
}

async function downloadOnce(page: Page, order: { url: string; number: string }) {
  const [license] = licensesOf(order.number);
  const issued = await page.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: license.id, product_slug: TEMPLATES } });
  expect(issued.status()).toBe(200);
  expect((await page.request.get(((await issued.json()) as { url: string }).url)).status()).toBe(200);
}

/** No Download button is left; the version's SHA-256 can still be copied, to check the file the buyer has. */
async function expectNothingToDownload(item: Locator) {
  await expect(item.getByRole('button', { name: /download/i })).toHaveCount(0);
  await expect(item.getByRole('button')).toHaveAccessibleName(/^Copy the SHA-256 of /);
}

test('a used-up download says why and what to do next, with no live button', async ({ page, browser }) => {
  const order = await placeOrder(page, newCustomer(), [[TEMPLATES, 1]]);
  await overrideLicense(browser, order.number, { downloadLimit: '1' });
  await downloadOnce(page, order);

  await page.reload();
  const item = page.getByTestId(`download-${TEMPLATES}`);
  await expect(item).toHaveAttribute('data-state', 'used-up');
  await expect(item).toContainText('0 downloads left');
  await expect(item).toContainText(`You have used every download of this file. Need it again? Reply to your confirmation email, quoting order #${order.number}`);
  await expectNothingToDownload(item);
});

test('an expired download says when it ended, in the page\'s language, with no live button', async ({ page, browser }) => {
  const order = await placeOrder(page, newCustomer(), [[TEMPLATES, 1]]);
  await overrideLicense(browser, order.number, { expiresOn: '2026-01-31' });

  await page.reload();
  const item = page.getByTestId(`download-${TEMPLATES}`);
  await expect(item).toHaveAttribute('data-state', 'expired');
  await expect(item).toContainText('Downloads ended on 31 January 2026');
  await expect(item).toContainText('Still need the file?');
  await expectNothingToDownload(item);
});
