import { expect, test } from '@playwright/test';
import { addToCart, countOrdersFor, fillCheckout, newCustomer, placeOrder } from './support/shop';

test('a shopper browses the catalogue, buys cards and lands on the full order page', async ({ page, context }) => {
  await page.goto('/');
  const cards = page.locator('.product-card');
  expect(await cards.count()).toBeGreaterThanOrEqual(8);
  expect(await cards.filter({ hasText: /^Card/ }).count()).toBeGreaterThanOrEqual(6);
  for (const image of await cards.locator('img').all()) {
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
  await expect(page.getByRole('heading', { name: 'Birthday Cake Pop-up Card' })).toBeVisible();
  await expect(page.getByText('€12.50')).toBeVisible();

  await page.getByRole('link', { name: /Fairy-tale Castle Pop-up Card/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fairy-tale Castle Pop-up Card');

  const customer = newCustomer();
  const { number, url } = await placeOrder(page, customer, [['pop-up-castle', 2], ['pop-up-love-heart', 1]]);
  expect(url).toMatch(new RegExp(`^/orders/${number}\\?signature=[A-Za-z0-9_-]{43}$`));

  await expect(page.getByRole('heading', { name: `Order #${number}` })).toBeVisible();
  const items = page.getByRole('table');
  await expect(items).toContainText('Fairy-tale Castle Pop-up Card');
  await expect(items).toContainText('Love Heart Pop-up Card');
  await expect(page.getByText('€48.90')).toBeVisible(); // 2 × 16.00 + 12.00 + 4.90 shipping
  await expect(page.getByText(customer.email)).toBeVisible();
  await expect(page.getByText(customer.fullName)).toBeVisible();
  await expect(page.locator('address')).toContainText(customer.addressLine1);
  await expect(page.getByRole('link', { name: 'Cart' })).toHaveText('Cart'); // the cart was emptied

  const cookie = (await context.cookies()).find((c) => c.name === 'shop_session');
  expect(cookie?.httpOnly).toBe(true);
  const lifetime = cookie!.expires - Date.now() / 1000;
  expect(lifetime).toBeGreaterThan(23.9 * 3600);
  expect(lifetime).toBeLessThanOrEqual(24 * 3600);
});

test('bad quantities and unknown products are refused next to the field', async ({ page }) => {
  await page.goto('/products/pop-up-castle');
  for (const [quantity, message] of [['0', 'at least 1'], ['100', 'at most 99'], ['-3', 'at least 1']]) {
    await page.getByLabel('Quantity').fill(quantity);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.locator('#quantity-error')).toContainText(message);
  }
  await page.locator('input[name="slug"]').evaluate((input: HTMLInputElement) => { input.value = 'no-such-card'; });
  await page.getByLabel('Quantity').fill('1');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('#product-error')).toHaveText('This product is not available.');
  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();

  expect((await page.goto('/products/no-such-card'))?.status()).toBe(404);
});

test('the cart changes quantities and refuses out-of-range ones', async ({ page }) => {
  await addToCart(page, 'pop-up-sailing-ship', 2);
  await page.goto('/cart');
  const quantity = page.getByLabel('Quantity of Sailing Ship Pop-up Card');
  await quantity.fill('100');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('at most 99');
  await quantity.fill('3');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('link', { name: 'Cart (3)' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Sailing Ship Pop-up Card' }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('invalid checkout details are refused field by field and create no order', async ({ page }) => {
  await addToCart(page, 'pop-up-christmas-tree');
  await page.goto('/checkout');
  const customer = { ...newCustomer(), email: 'not-an-email' };

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.locator('#email-error')).toHaveText('Email is required.');
  await expect(page.locator('#fullName-error')).toHaveText('Full name is required.');
  await expect(page.locator('#addressLine1-error')).toHaveText('Address line 1 is required.');
  await expect(page.locator('#city-error')).toHaveText('City is required.');
  await expect(page.locator('#postalCode-error')).toHaveText('Postal code is required.');
  await expect(page.locator('#country-error')).toHaveText('Choose a country.');
  await expect(page.locator('#addressLine2-error')).toBeEmpty();

  await fillCheckout(page, customer);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.locator('#email-error')).toHaveText('Enter a valid email address.');
  await expect(page.locator('#fullName-error')).toBeEmpty();
  await expect(page.getByLabel('Full name')).not.toHaveValue(''); // what was typed is kept

  await page.getByLabel('Email').fill(`${customer.fullName.replace(/\W/g, '')}@`);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.locator('#email-error')).toHaveText('Enter a valid email address.');
  expect(countOrdersFor(customer.email)).toBe(0);
  expect(countOrdersFor(`${customer.fullName.replace(/\W/g, '')}@`)).toBe(0);
  await expect(page).toHaveURL(/\/checkout$/);
});

test('checking out with an empty cart is refused and creates no order', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  const customer = newCustomer();
  await fillCheckout(page, customer);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Your cart is empty.');
  expect(countOrdersFor(customer.email)).toBe(0);
});
