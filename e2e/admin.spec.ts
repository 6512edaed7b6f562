import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin, newCustomer, placeOrder } from './support/shop';

test('a wrong admin password is refused with a clear message and nothing else', async ({ page }) => {
  await page.goto('/admin');
  await page.getByLabel('Admin password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#password-error')).toHaveText('Wrong password.');
  await expect(page.getByRole('heading', { name: 'Orders' })).toHaveCount(0);
  await page.goto('/admin/outbox');
  await expect(page.getByLabel('Admin password')).toBeVisible();
});

test('the admin lists orders, opens one, reads the outbox and logs out', async ({ page, browser }) => {
  const shopper = await browser.newPage();
  const customer = newCustomer();
  const order = await placeOrder(shopper, customer);
  await shopper.close();

  await loginAsAdmin(page, ADMIN_PASSWORD);
  await page.getByRole('link', { name: `#${order.number}` }).click();
  await expect(page.getByRole('heading', { name: `Order #${order.number}` })).toBeVisible();
  await expect(page.getByText(customer.email)).toBeVisible();
  // Dispatching emails the buyer and cannot be undone: it asks first, and Cancel changes nothing.
  await page.getByRole('link', { name: 'Mark dispatched…' }).click();
  await expect(page.getByText(`Mark order #${order.number} dispatched? The buyer is emailed that it is on its way`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yes, mark dispatched' })).toBeVisible();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Yes, mark dispatched' })).toHaveCount(0);
  await expect(page.getByTestId('admin-order-status')).toHaveText('paid');

  await page.getByRole('link', { name: 'Outbox' }).click();
  const mail = page.getByRole('article', { name: `Your order #${order.number} is confirmed` });
  await expect(mail).toContainText(`To ${customer.email}`);
  await mail.getByRole('link', { name: /\/orders\// }).click();
  // The admin's browser did not place the order: the mailed link shows MINIMAL.
  await expect(page.getByRole('heading', { name: `Order #${order.number}` })).toBeVisible();
  await expect(page.getByText(customer.email)).toHaveCount(0);

  await page.goto('/admin');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByLabel('Admin password')).toBeVisible();
});

test('every admin page has a title of its own', async ({ page }) => {
  await loginAsAdmin(page, ADMIN_PASSWORD);
  const titles = new Set<string>();
  for (const path of ['/admin', '/admin/products', '/admin/products/svg-cut-files', '/admin/coupons', '/admin/accounts',
    '/admin/articles', '/admin/outbox', '/admin/integrations', '/admin/keys']) {
    await page.goto(path);
    const title = await page.title();
    expect(title, path).toMatch(/ · Admin · Pop-up Card Shop$/);
    titles.add(title);
  }
  expect(titles.size).toBe(9);
});
