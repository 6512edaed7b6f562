import { expect, test } from '@playwright/test';
import { addToCart, countOrdersFor, fillCheckout, linkIn, newCustomer, payOnTestPage, placeOrder, waitForMail } from './support/shop';

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
  // The first view after paying carries the signed thank-you marker.
  expect(new URL(page.url()).search).toMatch(/^\?signature=[A-Za-z0-9_-]{43}&thanks=1$/);

  await expect(page.getByRole('heading', { name: `Order #${number}` })).toBeVisible();
  await expect(page.getByTestId('thanks').getByRole('heading')).toHaveText('Thank you for your order!');
  await expect(page.getByTestId('thanks')).toContainText(`We have sent the confirmation to ${customer.email}.`);
  const items = page.getByRole('table');
  await expect(items).toContainText('Fairy-tale Castle Pop-up Card');
  await expect(items).toContainText('Love Heart Pop-up Card');
  await expect(page.getByText('€48.90')).toBeVisible(); // 2 × 16.00 + 12.00 + 4.90 shipping
  const details = page.getByRole('region', { name: 'Contact and delivery' });
  await expect(details.getByText(customer.email)).toBeVisible();
  await expect(details.getByText(customer.fullName)).toBeVisible();
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

test('an empty cart shows no checkout form', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page.getByRole('main')).toContainText('Your cart is empty.');
  await expect(page.getByRole('link', { name: 'Browse the catalogue' })).toBeVisible();
  await expect(page.locator('form.checkout-form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Place order' })).toHaveCount(0);
});

test('Add to cart moves the focus to what it answered, and the checkout shows unit prices', async ({ page }) => {
  await addToCart(page, 'pop-up-castle', 2);
  await expect(page.locator(':focus')).toHaveAttribute('role', 'status');
  await expect(page.locator(':focus')).toContainText('Added to your cart');
  await page.goto('/cart');
  await expect(page.getByRole('listitem').filter({ hasText: 'Fairy-tale Castle' })).toContainText('€16.00 each');
  await page.goto('/checkout');
  const line = page.getByTestId('line-pop-up-castle');
  await expect(line.getByRole('cell')).toHaveText(['Fairy-tale Castle Pop-up Card', '€16.00', '2', '€32.00']);
});

test('after a refused submit every value stays, the delivery country too, and the focus is on what to fix', async ({ page }) => {
  await addToCart(page, 'pop-up-castle');
  await page.goto('/checkout');
  const customer = { ...newCustomer(), country: 'DE' };
  await fillCheckout(page, { ...customer, email: 'not-an-email' });
  await page.getByRole('button', { name: 'Place order' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter a valid email address.' })).toHaveAttribute('href', '#email');
  await expect(page.getByLabel('Country')).toHaveValue('DE');
  await expect(page.getByLabel('City')).toHaveValue(customer.city);
  // Following the summary's link reaches the field.
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Email')).toBeFocused();

  // A second refused submit keeps them as well (React empties a form after its action).
  await page.getByLabel('Full name').fill('');
  await page.getByLabel('City').fill('');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  // Listed in the order the form asks for them, whatever order they were checked in.
  await expect(page.getByTestId('error-summary').getByRole('link')).toHaveText(['Enter a valid email address.', 'Full name is required.', 'City is required.']);
  await page.getByLabel('City').fill(customer.city);
  await expect(page.getByLabel('Country')).toHaveValue('DE');

  await page.getByLabel('Email').fill(customer.email);
  await page.getByLabel('Full name').fill(customer.fullName);
  await page.getByRole('button', { name: 'Place order' }).click();
  await payOnTestPage(page);
  await expect(page.locator('address')).toContainText('Germany');
  await expect(page.getByTestId('total')).toHaveText('€20.90'); // 16.00 + 4.90 shipping
});

test('a delivery country that pays in another currency re-prices the order, and the shopper confirms the new total', async ({ page }) => {
  await addToCart(page, 'pop-up-castle');
  await page.goto('/checkout');
  await expect(page.getByTestId('total')).toHaveText('€20.90');
  const customer = { ...newCustomer(), country: 'GB' };
  await fillCheckout(page, customer);
  await page.getByRole('button', { name: 'Place order' }).click();

  // Nothing ordered: the new total first, in pounds with British shipping, and the form as it was.
  const repriced = page.getByTestId('repriced');
  await expect(repriced).toBeFocused();
  await expect(repriced).toContainText('Delivery to United Kingdom is charged in GBP: your order now costs £18.00, including £4.20 shipping.');
  expect(countOrdersFor(customer.email)).toBe(0);
  await expect(page.getByTestId('checkout-currency')).toHaveText('Prices in GBP');
  await expect(page.getByTestId('total')).toHaveText('£18.00'); // 13.80 + 4.20
  await expect(page.getByTestId('shopper-currency')).toHaveText('GBP');
  await expect(page.getByLabel('Country')).toHaveValue('GB');
  await expect(page.getByLabel('Email')).toHaveValue(customer.email);

  await page.getByRole('button', { name: 'Confirm the new total and place order' }).click();
  await expect(page.getByText(/^Order #\d+: £18\.00$/)).toBeVisible();
  await payOnTestPage(page);
  await expect(page.getByTestId('total')).toHaveText('£18.00');
  expect(countOrdersFor(customer.email)).toBe(1);
});

test('the thank-you is for the browser that placed the order, on its first view only', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer);
  await expect(page.getByTestId('thanks')).toContainText(customer.email);
  const marked = new URL(page.url());
  expect(marked.searchParams.get('thanks')).toBe('1');
  const mail = await waitForMail(request, customer.email, /is confirmed/);
  // The email's link carries no marker: opened again later, the order page just shows the order.
  await page.goto(linkIn(mail.text));
  await expect(page.getByRole('heading', { name: `Order #${order.number}` })).toBeVisible();
  await expect(page.getByTestId('thanks')).toHaveCount(0);
  // Another browser with the marked link sees no thanks and no email address.
  const other = await browser.newPage();
  await other.goto(`${marked.pathname}${marked.search}`);
  await expect(other.getByRole('heading', { name: `Order #${order.number}` })).toBeVisible();
  await expect(other.getByTestId('thanks')).toHaveCount(0);
  expect(await other.content()).not.toContain(customer.email);
  await other.close();
});
