// Issue 18: an admin edits a physical product (texts, prices per currency, the active flag) and its
// German texts; refused input is said in words next to each field and changes nothing; the shop
// shows the change in each language, falling back to English where nothing is translated.
import { expect, test, type Browser } from '@playwright/test';
import { ADMIN_PASSWORD, BASE_URL } from './support/env';
import { loginAsAdmin } from './support/shop';

const SLUG = 'pop-up-cherry-blossom';

async function shopperPage(browser: Browser, language: 'en' | 'de') {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'shop_lang', value: language, url: BASE_URL }]);
  return context.newPage();
}

test('an admin edits a card’s name, prices, German texts and whether it is sold', async ({ page, browser }) => {
  await loginAsAdmin(page, ADMIN_PASSWORD);
  await page.goto('/admin/products');
  const row = page.getByRole('row', { name: /Cherry Blossom Pop-up Card/ });
  await expect(row).toContainText('card (posted)');
  await expect(row).toContainText('€14.00');
  await row.getByRole('link').click();
  await expect(page).toHaveTitle(`Product ${SLUG} · Admin · Pop-up Card Shop`);

  const form = page.getByRole('form', { name: 'Product', exact: true });
  const save = () => Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.getByRole('button', { name: 'Save product' }).click()]);
  await form.getByLabel('Name').fill(' ');
  await form.getByLabel('Price in EUR').fill('fourteen');
  await form.getByLabel('Price in GBP').fill('-2');
  await save();
  await expect(page.locator('#product-name-error')).toHaveText('Name is required.');
  await expect(page.locator('#product-EUR-error')).toHaveText('Enter a EUR price like 12 or 12.50.');
  await expect(page.locator('#product-GBP-error')).toHaveText('Enter a GBP price like 12 or 12.50.');
  await page.reload();
  await expect(form.getByLabel('Name')).toHaveValue('Cherry Blossom Pop-up Card'); // refused: nothing saved

  await form.getByLabel('Name').fill('Cherry Blossom Pop-up Card (large)');
  await form.getByLabel('Price in EUR').fill('15.50');
  await form.getByLabel('Price in GBP').fill('');
  await save();
  await expect(form.getByRole('status')).toHaveText('Product saved.');

  const german = page.getByRole('form', { name: /^Texts in German/ });
  await german.getByLabel('Name').fill('Kirschblüten-Karte (groß)');
  await german.getByRole('button', { name: 'Save German texts' }).click();
  await expect(german.getByRole('status')).toHaveText('German texts saved.');

  const english = await shopperPage(browser, 'en');
  await english.goto(`/products/${SLUG}`);
  await expect(english.getByRole('heading', { level: 1 })).toHaveText('Cherry Blossom Pop-up Card (large)');
  await expect(english.getByRole('main')).toContainText('€15.50');
  const deutsch = await shopperPage(browser, 'de');
  await deutsch.goto(`/products/${SLUG}`);
  await expect(deutsch.getByRole('heading', { level: 1 })).toHaveText('Kirschblüten-Karte (groß)');
  await expect(deutsch.getByText('Ein ganzer Kirschbaum in voller Blüte')).toBeVisible(); // the demo's German summary, kept

  // Not sold: gone from the shop, back once it is active again.
  await form.getByLabel('Sold in the shop (active)').uncheck();
  await save();
  await expect(form.getByRole('status')).toHaveText('Product saved.');
  expect((await english.goto(`/products/${SLUG}`))?.status()).toBe(404);
  await form.getByLabel('Sold in the shop (active)').check();
  await save();
  expect((await english.goto(`/products/${SLUG}`))?.status()).toBe(200);
  await english.context().close();
  await deutsch.context().close();
});
