import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { addToCart, countOrdersFor, fillCheckout, loginAsAdmin, newCustomer, payOnTestPage } from './support/shop';

async function chooseCountry(page: Page, country: string) {
  await page.goto('/');
  await page.getByLabel('Ship to').selectOption(country);
  await page.getByRole('button', { name: 'Show prices' }).click();
}

async function checkoutWithCoupon(page: Page, coupon: string) {
  const customer = newCustomer();
  await addToCart(page, 'pop-up-castle', 1);
  await page.goto('/checkout');
  await fillCheckout(page, customer);
  await page.getByLabel('Coupon code').fill(coupon);
  await page.getByRole('button', { name: 'Place order' }).click();
  return customer;
}

test('prices follow the chosen country in the catalogue, the cart, the checkout and the order', async ({ page }) => {
  await chooseCountry(page, 'GB');
  await expect(page.getByTestId('shopper-currency')).toHaveText('GBP');
  await expect(page.locator('.product-card', { hasText: 'Fairy-tale Castle' })).toContainText('£13.80');
  await addToCart(page, 'pop-up-castle', 2);
  await page.goto('/cart');
  await expect(page.getByTestId('total')).toHaveText('£31.80'); // 2 × 13.80 + 4.20 shipping
  await page.goto('/checkout');
  await expect(page.getByTestId('checkout-currency')).toHaveText('Prices in GBP');
  // Sent where it pays in pounds: placed at the total shown, with no second look.
  await fillCheckout(page, { ...newCustomer(), country: 'GB' });
  await page.getByRole('button', { name: 'Place order' }).click();
  // The provider is asked for the order's total in the order's currency.
  await expect(page.getByText(/^Order #\d+: £31\.80$/)).toBeVisible();
  await payOnTestPage(page);
  await expect(page.getByTestId('total')).toHaveText('£31.80');

  await chooseCountry(page, 'US');
  await expect(page.locator('.product-card', { hasText: 'Fairy-tale Castle' })).toContainText('$17.30');
});

test('an admin coupon is typed at checkout; used up, unknown or mistyped, it is refused and nothing is ordered', async ({ page, browser }) => {
  const code = `SPRING${Date.now().toString(36).toUpperCase()}`;
  const admin = await browser.newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto('/admin/coupons');
  await admin.getByLabel('Code').fill(code);
  await admin.getByLabel('Percent', { exact: true }).fill('10');
  await admin.getByLabel('Usage limit (optional)').fill('1');
  await admin.getByRole('button', { name: 'Create coupon' }).click();
  await expect(admin.getByRole('status')).toHaveText(`Coupon ${code} created.`);

  await checkoutWithCoupon(page, code.toLowerCase());
  await payOnTestPage(page);
  await expect(page.getByTestId('discount')).toHaveText('−€1.60');
  await expect(page.getByTestId('total')).toHaveText('€19.30'); // 16.00 − 1.60 + 4.90

  for (const [coupon, message] of [[code, 'has been used up'], ['NO-SUCH-CODE', 'does not exist']]) {
    const shopper = await browser.newPage();
    const customer = await checkoutWithCoupon(shopper, coupon);
    await expect(shopper.locator('#coupon-error')).toContainText(message);
    await expect(shopper).toHaveURL(/\/checkout$/);
    expect(countOrdersFor(customer.email)).toBe(0);
    await shopper.close();
  }
  await admin.reload();
  await expect(admin.getByRole('row', { name: new RegExp(code) })).toContainText('1 of 1');
  await admin.close();
});
