// Paying with the test provider (PAYMENT_PROVIDER=test): an order grants nothing until it is
// paid, a declined payment can be tried again, and the provider's page opens only from the
// order's signed link.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, FIXTURES_URL } from './support/env';
import { licensesOf, localFileOf, loginAsAdmin, newCustomer, orderStatusOf, payOnTestPage, placeUnpaidOrder, readE2eDb, waitForMail, type ReceivedMail } from './support/shop';

const SLUG = 'printable-card-templates';

const highestLicenseId = () => readE2eDb((db) => (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM "License"').get() as { id: number }).id);

test('declined, then paid on the test page: the download appears only once the order is paid', async ({ page, request }) => {
  const customer = newCustomer();
  const order = await placeUnpaidOrder(page, customer, [[SLUG, 1]]);
  await expect(page).toHaveURL(new RegExp(`/orders/${order.number}/test-payment\\?signature=`));
  await expect(page.getByTestId('test-payment-banner')).toHaveText('TEST PAYMENT PAGE — no money moves. This page stands in for a real payment provider.');
  await expect(page.getByText(`Order #${order.number}: €9.00`)).toBeVisible();

  // The order page meanwhile: awaiting payment, nothing to download, a way to pay.
  await page.getByRole('link', { name: 'Back to the order' }).click();
  await page.waitForURL(new RegExp(`/orders/${order.number}\\?signature=`));
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting payment');
  await expect(page.getByText('Nothing is charged until you pay.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'My downloads' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pay now' })).toBeVisible();
  expect(orderStatusOf(order.number)).toBe('awaiting_payment');

  // Nothing is granted before the payment: the buyer's own browser, on the order's signed link, gets no token.
  expect(licensesOf(order.number)).toEqual([]);
  const next = highestLicenseId() + 1;
  for (const licenseId of [next, next + 1, next + 2]) {
    const refused = await page.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: licenseId, product_slug: SLUG } });
    expect(refused.status(), `license ${licenseId}`).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'LICENSE_NOT_FOUND' });
  }

  await page.goBack();
  await payOnTestPage(page, 'Decline');
  await expect(page.getByTestId('order-status')).toHaveText('Payment declined — awaiting payment');
  await expect(page.getByRole('alert').filter({ hasText: 'The payment was declined. You can try again.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'My downloads' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'My downloads' })).toHaveCount(0);
  expect(licensesOf(order.number)).toEqual([]);
  const messages = (await (await request.get(`${FIXTURES_URL}/messages`)).json()) as ReceivedMail[];
  expect(messages.filter((m) => m.to.includes(customer.email) && /is confirmed/.test(m.subject))).toEqual([]);

  await page.getByRole('button', { name: 'Pay now' }).click();
  await payOnTestPage(page, 'Pay');
  await expect(page).toHaveURL(new RegExp(`/orders/${order.number}\\?signature=`));
  // Nothing in it is posted: its status does not speak of preparing a parcel.
  await expect(page.getByTestId('order-status')).toHaveText('Paid — ready for you');
  await expect(page.getByText(/^Paid on /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay now' })).toHaveCount(0);
  const mail = await waitForMail(request, customer.email, new RegExp(`order #${order.number} is confirmed`));
  expect(mail.text).toContain(`/orders/${order.number}?signature=`);

  await page.getByRole('link', { name: 'My downloads' }).click();
  const downloads = page.getByRole('region', { name: 'My downloads' });
  await expect(downloads.getByRole('listitem')).toHaveCount(1);
  // Another spec may replace this product's file meanwhile: the bytes must be the file the shop stored, before or after.
  const before = localFileOf(SLUG);
  const [download] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('button', { name: /Download/ }).click()]);
  const saved = readFileSync((await download.path())!);
  const stored = [before, localFileOf(SLUG)].find((file) => file.fileName === download.suggestedFilename());
  expect(stored, `saved as ${download.suggestedFilename()}`).toBeDefined();
  expect(saved.length).toBeGreaterThan(0);
  expect(saved.equals(stored!.bytes)).toBe(true);

  // Paid is paid: the provider's page no longer offers to pay.
  await page.goto(`/orders/${order.number}/test-payment${new URL(order.url, 'http://x').search}`);
  await expect(page.getByTestId('test-payment-banner')).toBeVisible();
  await expect(page.getByText('Status: Paid — ready for you')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Decline', exact: true })).toHaveCount(0);
});

test('the test payment page opens only from the order\'s signed link', async ({ page, request }) => {
  const order = await placeUnpaidOrder(page, newCustomer(), [[SLUG, 1]]);
  const signed = new URL(page.url());
  const tampered = signed.search.replace(/signature=(.)/, (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
  const path = `/orders/${order.number}/test-payment`;
  for (const [name, url] of [['no signature', path], ['tampered', `${path}${tampered}`], ['another order\'s number', `/orders/${Number(order.number) === 99_999_999 ? 10_000_000 : 99_999_999}/test-payment${signed.search}`]]) {
    // Not even in the buyer's own browser, whose session holds the order.
    for (const client of [request, page.request]) {
      const response = await client.get(url);
      expect(response.status(), name).toBe(404);
      expect(await response.text(), name).not.toContain('data-testid="test-payment-banner"');
    }
  }
  // The same page with its signed query opens, so the refusals above are about the link.
  const opened = await request.get(`${path}${signed.search}`);
  expect(opened.status()).toBe(200);
  expect(await opened.text()).toContain('data-testid="test-payment-banner"');
  expect(orderStatusOf(order.number)).toBe('awaiting_payment');
});

test('an admin marks an unpaid order paid, or cancels another; dispatch is offered only once paid', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const unpaid = await placeUnpaidOrder(page, customer, [['pop-up-castle', 1]]);
  const admin = await (await browser.newContext()).newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto(`/admin/orders/${unpaid.number}`);
  await expect(admin.getByTestId('admin-order-status')).toHaveText('awaiting_payment');
  await expect(admin.getByRole('link', { name: 'Mark dispatched…' })).toHaveCount(0);
  await expect(admin.getByRole('link', { name: 'Refund…' })).toHaveCount(0);
  await expect(admin.getByRole('link', { name: 'Cancel order…' })).toBeVisible();

  await admin.getByRole('link', { name: 'Mark paid…' }).click();
  await expect(admin.getByText(`Mark order #${unpaid.number} paid (€20.90)?`)).toBeVisible();
  await admin.getByLabel('Payment reference (bank transfer, invoice)').fill(`TRANSFER-${unpaid.number}`);
  await admin.getByRole('button', { name: 'Yes, mark paid' }).click();
  await expect(admin.getByTestId('admin-order-status')).toHaveText('paid');
  await expect(admin.getByTestId('order-history').getByRole('row').filter({ hasText: 'awaiting_payment → paid' })).toContainText(`payment received: TRANSFER-${unpaid.number}`);
  await expect(admin.getByRole('link', { name: 'Mark dispatched…' })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Mark paid…' })).toHaveCount(0);
  await waitForMail(request, customer.email, new RegExp(`order #${unpaid.number} is confirmed`));
  await page.goto(unpaid.url);
  await expect(page.getByTestId('order-status')).toHaveText('Paid — being prepared');

  // Another order, cancelled before it is paid: it can no longer be paid, from the order page or the provider's.
  const other = await placeUnpaidOrder(page, newCustomer(), [['pop-up-castle', 1]]);
  const testPage = page.url();
  await admin.goto(`/admin/orders/${other.number}`);
  await admin.getByRole('link', { name: 'Cancel order…' }).click();
  await admin.getByLabel('Reason (for the order’s history)').fill('Ordered twice');
  await admin.getByRole('button', { name: 'Yes, cancel the order' }).click();
  await expect(admin.getByTestId('admin-order-status')).toHaveText('cancelled');
  await expect(admin.getByRole('link', { name: 'Mark dispatched…' })).toHaveCount(0);
  await expect(admin.getByRole('link', { name: 'Mark paid…' })).toHaveCount(0);
  await page.goto(other.url);
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Pay now' })).toHaveCount(0);
  await page.goto(testPage);
  await expect(page.getByText('Status: Cancelled')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay', exact: true })).toHaveCount(0);
  expect(orderStatusOf(other.number)).toBe('cancelled');
  await admin.context().close();
});
