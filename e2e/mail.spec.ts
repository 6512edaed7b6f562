import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, BASE_URL } from './support/env';
import { linkIn, markDispatchedAsAdmin, newCustomer, placeOrder, waitForMail } from './support/shop';

test('confirmation and dispatch emails arrive over SMTP with the absolute signed link', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer);

  const confirmation = await waitForMail(request, customer.email, new RegExp(`order #${order.number} is confirmed`));
  const link = linkIn(confirmation.text);
  expect(link).toBe(`${BASE_URL}${order.url}`);

  await page.goto(link);
  await expect(page.getByText(customer.email)).toBeVisible();
  const otherBrowser = await browser.newPage();
  await otherBrowser.goto(link);
  await expect(otherBrowser.getByRole('table')).toBeVisible();
  await expect(otherBrowser.getByText(customer.email)).toHaveCount(0);
  await otherBrowser.close();

  const admin = await browser.newPage();
  await markDispatchedAsAdmin(admin, ADMIN_PASSWORD, order.number);
  await admin.close();
  const dispatch = await waitForMail(request, customer.email, new RegExp(`order #${order.number} is on its way`));
  expect(linkIn(dispatch.text)).toBe(link);
  await page.goto(linkIn(dispatch.text));
  await expect(page.getByTestId('order-status')).toHaveText('Dispatched');
});
