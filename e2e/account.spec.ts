import { expect, test } from '@playwright/test';
import { BASE_URL, MERCHANT_PORT } from './support/env';
import { buttonPage, startMerchantSite, type MerchantSite } from './support/merchant-site';
import { payOnTestPage } from './support/shop';

let merchant: MerchantSite;
let otherMerchant: MerchantSite;
test.beforeAll(async () => {
  merchant = await startMerchantSite('live', MERCHANT_PORT + 10);
  otherMerchant = await startMerchantSite('live', MERCHANT_PORT + 11);
});
test.afterAll(async () => {
  await merchant?.close();
  await otherMerchant?.close();
});

test('a merchant signs its customer into /account, whose orders open at FULL tier with downloads', async ({ browser, playwright }) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const customKey = `crm-${id}`;
  const email = `member.${id}@example.com`;

  // The customer buys through the merchant, in one browser...
  const buying = await browser.newPage();
  const order = merchant.encrypt({
    contact: { email, firstName: 'Grace', lastName: `Hopper ${id}`, accountCustomKey: customKey, addressLine1: '1 Navy Way', city: 'Arlington', postalCode: '22202', country: 'US' },
    items: [{ product: 'printable-card-templates', quantity: 1 }],
  });
  await buying.goto(merchant.page(`/buy-${id}.html`, buttonPage(merchant.integration.accessKey, 'secure', order)));
  await buying.getByRole('button', { name: 'Go to the shop' }).click();
  await buying.waitForURL(`${BASE_URL}/checkout`);
  await buying.getByRole('button', { name: 'Place order' }).click();
  await payOnTestPage(buying);
  const number = new URL(buying.url()).pathname.split('/').pop()!;
  await buying.close();

  // ...and later, in a fresh browser, the merchant's site signs them in without a password.
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = merchant.encrypt({ accountCustomKey: customKey, timestamp: Date.now() });
  await page.goto(merchant.page(`/account-${id}.html`, buttonPage(merchant.integration.accessKey, 'authenticate', signIn)));
  await page.getByRole('button', { name: 'Go to the shop' }).click();
  await page.waitForURL(`${BASE_URL}/account`);
  const storeId = await page.getByTestId('account-store-id').textContent();
  expect(storeId).toMatch(/^[A-Z2-9]{16}$/);
  await page.getByRole('link', { name: `#${number}` }).click();
  await page.waitForURL(new RegExp(`/orders/${number}\\?signature=`));
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByRole('region', { name: 'My downloads' })).toContainText('Printable Pop-up Templates (PDF)');
  await context.close();

  const stranger = await playwright.request.newContext({ baseURL: BASE_URL });
  const post = (fields: Record<string, string>, accessKey: string) =>
    stranger.post('/account/authenticate', { form: { ...fields, accessKey }, maxRedirects: 0 });
  // The same payload again is a replay.
  expect((await post(signIn, merchant.integration.accessKey)).status()).toBe(409);
  // Another merchant cannot reach this account, not even by its store id.
  const foreign = await post(otherMerchant.encrypt({ account: storeId!, timestamp: Date.now() }), otherMerchant.integration.accessKey);
  expect(foreign.status()).toBe(404);
  expect(foreign.headers()['set-cookie'] ?? '').not.toContain('shop_session');
  // A stale sign-in is refused; a fresh one by store id works.
  expect((await post(merchant.encrypt({ account: storeId!, timestamp: Date.now() - 6 * 60_000 }), merchant.integration.accessKey)).status()).toBe(410);
  const byStoreId = await post(merchant.encrypt({ account: storeId!, timestamp: Date.now() }), merchant.integration.accessKey);
  expect(byStoreId.status()).toBe(303);
  expect(byStoreId.headers().location).toBe('/account');
  // A signed-in browser still cannot open another account's order through /account.
  const notMine = await stranger.get(`/account/orders/12345678`, { maxRedirects: 0 });
  expect(notMine.status()).toBe(404);
  await stranger.dispose();
});
