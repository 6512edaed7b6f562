import { expect, test, type APIResponse } from '@playwright/test';
import { ADMIN_PASSWORD, BASE_URL } from './support/env';
import { buttonPage, sessionPage, startMerchantSite, type MerchantSite } from './support/merchant-site';
import { loginAsAdmin, payOnTestPage, waitForMail } from './support/shop';

let merchant: MerchantSite;
test.beforeAll(async () => { merchant = await startMerchantSite('live'); });
test.afterAll(async () => { await merchant?.close(); });

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function giftPayload(id: string, extra: Record<string, unknown> = {}) {
  return {
    contact: { email: `buyer.${id}@example.com`, firstName: 'Ada', lastName: `Lovelace ${id}`, company: `Analytical ${id} Ltd` },
    recipient: {
      name: `Charles Babbage ${id}`, email: `charles.${id}@example.com`, message: `Alles Gute ${id}!`,
      address: { addressLine1: `1 Dorset Street ${id}`, city: `London${id}`, postalCode: 'W1U 4EG', country: 'GB' },
    },
    items: [{ product: 'pop-up-castle', quantity: 2, pricing: { price: { USD: 17.25, EUR: 15 }, quantityBehavior: 'lock' } }],
    country: 'US',
    language: 'de',
    ...extra,
  };
}

const recipientData = (id: string) => [`Charles Babbage ${id}`, `charles.${id}@example.com`, `Alles Gute ${id}!`, `1 Dorset Street ${id}`, `London${id}`];
const body = async (response: APIResponse) => (await response.body()).toString('utf8');

test('a merchant page on another site sends the shopper to a prefilled German checkout with a custom USD price', async ({ page, playwright, request }) => {
  const id = tag();
  const fields = merchant.encrypt(giftPayload(id));
  await page.goto(merchant.page(`/gift-${id}.html`, buttonPage(merchant.integration.accessKey, 'secure', fields)));
  await page.getByRole('button', { name: 'Go to the shop' }).click();
  await page.waitForURL(`${BASE_URL}/checkout`);

  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kasse');
  await expect(page.getByTestId('checkout-currency')).toHaveText('Preise in USD');
  await expect(page.getByTestId('shopper-currency')).toHaveText('USD');
  await expect(page.getByTestId('line-pop-up-castle').getByRole('cell')).toHaveText(['Pop-up-Karte Märchenschloss', /^17,25\s\$$/, '2', /^34,50\s\$$/]); // the catalogue in German too
  await expect(page.getByTestId('total')).toHaveText(/^40,00\s\$$/); // 2 × 17.25 + 5.50 shipping
  await expect(page.getByTestId('locked-contact')).toContainText(`buyer.${id}@example.com`);
  await expect(page.getByTestId('gift-recipient')).toContainText(`Charles Babbage ${id}`);
  await expect(page.getByTestId('locked-address')).toContainText(`1 Dorset Street ${id}`);
  // Locked: no field for the contact, the address or the castle's quantity.
  for (const name of ['email', 'fullName', 'addressLine1', 'quantity:pop-up-castle']) await expect(page.locator(`[name="${name}"]`)).toHaveCount(0);

  // A shopper who forges the form still gets exactly the merchant's order.
  await page.locator('form.checkout-form').evaluate((form) => {
    for (const [name, value] of [['email', 'mallory@example.com'], ['fullName', 'Mallory'], ['quantity:pop-up-castle', '9'], ['addressLine1', 'Elsewhere 1']]) {
      const input = document.createElement('input');
      Object.assign(input, { type: 'hidden', name, value });
      form.appendChild(input);
    }
  });
  await page.getByRole('button', { name: 'Bestellung aufgeben' }).click();
  // The test provider's page speaks the order's language and asks for the merchant's price.
  await expect(page.getByTestId('test-payment-banner')).toContainText('TESTZAHLUNGSSEITE');
  await expect(page.getByText(/^Bestellung #\d+: 40,00\s\$$/)).toBeVisible();
  await payOnTestPage(page, 'Bezahlen');
  const orderUrl = new URL(page.url());
  const number = orderUrl.pathname.split('/').pop()!;

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bestellung Nr. ${number}`);
  await expect(page.getByRole('table')).toContainText(/2\s*17,25\s\$\s*34,50\s\$/);
  await expect(page.getByTestId('total')).toHaveText(/^40,00\s\$$/);
  await expect(page.getByRole('region', { name: 'Kontakt und Lieferung' }).getByText(`buyer.${id}@example.com`)).toBeVisible();
  await expect(page.getByTestId('thanks')).toContainText(`Wir haben die Bestätigung an buyer.${id}@example.com geschickt.`);
  await expect(page.getByTestId('recipient-name')).toHaveText(`Charles Babbage ${id}`);
  await expect(page.getByText('mallory@example.com')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Adresse speichern' })).toBeVisible();

  const mail = await waitForMail(request, `buyer.${id}@example.com`, new RegExp(`^Ihre Bestellung Nr\\. ${number} ist bestätigt$`));
  expect(mail.text).toMatch(/2 × Pop-up-Karte Märchenschloss \(17,25\s\$\)/); // the line keeps the name it was ordered under
  expect(mail.text).toMatch(/\(40,00\s\$\)/);
  expect(mail.text).toContain(`${BASE_URL}/orders/${number}?signature=`);

  // The recipient is personal data: in the raw bytes of FULL, never of MINIMAL or EXISTS.
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL });
  for (const url of [orderUrl.pathname + orderUrl.search, orderUrl.pathname]) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const raw = await body(await anonymous.get(url, { headers }));
      expect(raw).toContain(number);
      for (const value of recipientData(id)) expect(raw, `${url} leaks "${value}"`).not.toContain(value);
    }
  }
  const full = await body(await page.context().request.get(orderUrl.pathname + orderUrl.search));
  for (const value of recipientData(id)) expect(full).toContain(value);
  await anonymous.dispose();

  // The draft was used: going back to the checkout offers nothing to place again.
  await page.goto('/checkout');
  await expect(page.getByText('Bestellung aufgeben')).toHaveCount(0);
  await expect(page.getByTestId('line-pop-up-castle')).toHaveCount(0);
});

test('a test-mode integration takes plain JSON from window.shopSession and marks the order TEST', async ({ page, browser, request }) => {
  const testSite = await startMerchantSite('test', Number(new URL(merchant.page('/x', '')).port) + 1);
  try {
    const id = tag();
    const payload = { ...giftPayload(id, { language: 'en', country: 'GB' }), items: [{ product: 'pop-up-love-heart', quantity: 1, pricing: { price: { GBP: 1 }, quantityBehavior: 'allow' } }] };
    await page.goto(testSite.page(`/test-${id}.html`, sessionPage(testSite.integration.accessKey, { securePayload: payload, secureKey: '' })));
    await page.waitForURL(`${BASE_URL}/checkout`);
    await expect(page.getByTestId('test-mode')).toContainText('TEST');
    await page.getByLabel('Quantity of Love Heart Pop-up Card').fill('3');
    await page.getByRole('button', { name: 'Place order' }).click();
    await payOnTestPage(page);
    await expect(page.getByTestId('test-order')).toHaveText('TEST order');
    await expect(page.getByRole('table')).toContainText(/3\s*£1\.00\s*£3\.00/);
    const number = new URL(page.url()).pathname.split('/').pop()!;
    const mail = await waitForMail(request, `buyer.${id}@example.com`, new RegExp(`^\\[TEST\\] Your order #${number} is confirmed$`));
    expect(mail.text).toContain('This is a TEST order');
    const admin = await browser.newPage();
    await loginAsAdmin(admin, ADMIN_PASSWORD);
    await expect(admin.getByRole('row', { name: new RegExp(`#${number}`) })).toContainText('TEST');
    await admin.goto(`/admin/orders/${number}`);
    await expect(admin.getByTestId('admin-test-order')).toHaveText('TEST');
    await admin.close();
  } finally {
    await testSite.close();
  }
});

test('a live integration refuses plain JSON; bad posts get a short 4xx and no session', async ({ playwright }) => {
  const stranger = await playwright.request.newContext({ baseURL: BASE_URL });
  const plain = { accessKey: merchant.integration.accessKey, securePayload: JSON.stringify(giftPayload(tag())), secureKey: '' };
  const cases: [Record<string, string>, number][] = [
    [plain, 403],
    [{ ...merchant.encrypt(giftPayload(tag())), accessKey: 'no-such-key' }, 403],
    [{ ...merchant.encrypt({ items: [{ product: 'pop-up-castle', quantity: 1, pricing: { price: { EUR: 3 } } }], country: 'US' }), accessKey: merchant.integration.accessKey }, 422],
    [{ ...merchant.encrypt({ items: [{ product: 'no-such-card', quantity: 1 }] }), accessKey: merchant.integration.accessKey }, 422],
    [{ ...merchant.encrypt({ coupon: 'NO-SUCH-COUPON' }), accessKey: merchant.integration.accessKey }, 422],
    [{ accessKey: merchant.integration.accessKey, securePayload: '!!!', secureKey: '???' }, 400],
  ];
  for (const [form, status] of cases) {
    const response = await stranger.post('/checkout/secure', { form, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(form).slice(0, 120)).toBe(status);
    expect(response.headers()['set-cookie'] ?? '').not.toContain('shop_session');
    expect(await response.text()).not.toMatch(/at .*\.(js|ts):\d+|stack/i);
  }
  const json = await stranger.post('/checkout/secure', { data: { ...merchant.encrypt({ items: [{ product: 'no-such-card', quantity: 1 }] }), accessKey: merchant.integration.accessKey }, maxRedirects: 0 });
  expect(json.status()).toBe(422);
  expect(await json.json()).toEqual({ error: 'PRODUCT_NOT_SOLD', message: 'Unknown product: no-such-card.' });
  // Over the forms' 64 KiB but within the spec's 100,000 characters: the decoder answers, not the size check.
  const large = await stranger.post('/checkout/secure', { data: { accessKey: merchant.integration.accessKey, securePayload: 'A'.repeat(80_000), secureKey: `${'A'.repeat(342)}==` }, maxRedirects: 0 });
  expect(large.status()).not.toBe(413);
  expect((await large.json()).error).toBe('KEY_MISMATCH');
  const huge = await stranger.post('/checkout/secure', { form: { accessKey: 'x', securePayload: 'A'.repeat(400_000), secureKey: '' }, maxRedirects: 0 });
  expect(huge.status()).toBe(413);
  await stranger.dispose();
});
