import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { newCustomer, placeOrder } from './support/shop';

// Before hydration (or with JavaScript off) forms post natively: with Referrer-Policy
// same-origin they still send the page's Origin, which the Server Action check requires.
test('order and admin forms work before JavaScript has loaded', async ({ browser }) => {
  const shopper = await browser.newPage();
  const order = await placeOrder(shopper, newCustomer());
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await shopper.context().storageState() });
  const page = await noJs.newPage();
  await page.goto(order.url);
  await page.getByLabel('City').fill('Winchester');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByText('Delivery address updated.')).toBeVisible();
  await page.goto(order.url);
  await expect(page.locator('address')).toContainText('Winchester');

  await page.goto('/admin');
  await page.getByLabel('Admin password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await noJs.close();
  await shopper.close();
});
