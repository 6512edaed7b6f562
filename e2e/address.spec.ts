import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { markDispatchedAsAdmin, newCustomer, placeOrder } from './support/shop';

test('the shopper corrects the delivery address until the order is dispatched', async ({ page, browser }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer);

  await page.getByLabel('Address line 1').fill('');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.locator('#addressLine1-error')).toHaveText('Address line 1 is required.');

  await page.getByLabel('Address line 1').fill('7 Corrected Street');
  await page.getByLabel('City').fill('Southampton');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Delivery address updated.');
  await page.reload();
  await expect(page.locator('address')).toContainText('7 Corrected Street');
  await expect(page.locator('address')).toContainText('Southampton');

  // The admin sees the change with its previous value, then dispatches.
  const admin = await browser.newPage();
  await markDispatchedAsAdmin(admin, ADMIN_PASSWORD, order.number);
  await expect(admin.getByRole('heading', { name: 'Address changes' })).toBeVisible();
  await expect(admin.getByRole('listitem').filter({ hasText: 'from “' })).toContainText(customer.addressLine1);
  await expect(admin.getByRole('listitem').filter({ hasText: 'from “' })).toContainText('7 Corrected Street');
  await admin.close();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Save address' })).toHaveCount(0);
  await expect(page.getByText('the address can no longer be changed')).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Dispatched');
});

test('a submit after dispatch is refused and changes nothing', async ({ page, browser }) => {
  const order = await placeOrder(page, newCustomer());
  const admin = await browser.newPage();
  await markDispatchedAsAdmin(admin, ADMIN_PASSWORD, order.number);
  await admin.close();

  // The form is still open in this tab from before the dispatch.
  await page.getByLabel('Address line 1').fill('1 Too Late Road');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The order has been dispatched; its address can no longer be changed.');
  await page.reload();
  await expect(page.locator('address')).not.toContainText('1 Too Late Road');
});

test('a submit whose link lost its signature is refused', async ({ page }) => {
  const customer = newCustomer();
  await placeOrder(page, customer);
  await page.locator('input[name="link"]').evaluate((input: HTMLInputElement) => { input.value = ''; });
  await page.getByLabel('City').fill('Forged City');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This link and browser may not change this order.');
  await page.reload();
  await expect(page.locator('address')).toContainText(customer.city);
});
