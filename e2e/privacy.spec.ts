// Personal data with quotes, angle brackets, ampersands and non-ASCII letters never
// reaches a browser that may not see it: not in pages, RSC payloads, server action
// responses, API refusals or error pages, in any escaped form.
import { expect, test, type Response } from '@playwright/test';
import { findPersonalData } from './support/pii';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin, newCustomer, placeOrder, type Customer } from './support/shop';

function hostileCustomer(): Customer {
  const base = newCustomer();
  const tag = base.email.split('@')[0].split('.')[1];
  return {
    ...base,
    fullName: `Zoë O'Brien <b>Ünal</b> & Søn ${tag}`,
    addressLine1: `Rue d'Ørsted <script>alert(1)</script> & Co ${tag}`,
    addressLine2: `Bâtiment "Ä" ${tag}`,
    city: `Zürich ${tag}`,
  };
}

const personal = (c: Customer) => [c.email, c.fullName, c.addressLine1, c.addressLine2, c.city, c.email.split('@')[0].split('.')[1]];

test('hostile names leak nowhere a stranger can look, in any escaped form', async ({ page, browser }) => {
  const customer = hostileCustomer();
  const order = await placeOrder(page, customer, [['printable-card-templates', 1], ['pop-up-castle', 1]]);
  // The control: the buyer's own browser shows the data, so the search below can find it.
  await page.goto(order.url);
  await expect(page.getByText(customer.fullName)).toBeVisible();
  expect(findPersonalData(await page.content(), personal(customer))).not.toBeNull();

  const stranger = await browser.newContext();
  const bodies: { url: string; body: string }[] = [];
  const keep = async (response: Response) => {
    bodies.push({ url: `${response.request().method()} ${response.url()}`, body: await response.text().catch(() => '') });
  };
  const pending: Promise<void>[] = [];
  const tab = await stranger.newPage();
  tab.on('response', (response) => { pending.push(keep(response)); });
  await tab.goto(order.url); // MINIMAL
  await tab.getByLabel('Email').fill('nobody@example.com');
  await tab.getByRole('button', { name: 'Email me a link' }).click(); // a server action response
  await expect(tab.getByRole('status')).toBeVisible();
  await tab.goto(`/orders/${order.number}`); // EXISTS
  await tab.goto(`/orders/${order.number}/nope`); // an error page
  const license = await tab.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: 1, product_slug: 'printable-card-templates' } });
  bodies.push({ url: 'token refusal', body: await license.text() });
  for (const rsc of [order.url, `/orders/${order.number}`]) {
    const response = await tab.request.get(rsc, { headers: { RSC: '1' } });
    bodies.push({ url: `RSC ${rsc}`, body: await response.text() });
  }
  await Promise.all(pending);
  expect(bodies.length).toBeGreaterThan(5);
  for (const { url, body } of bodies) expect(findPersonalData(body, personal(customer)), url).toBeNull();
  await stranger.close();
});

test('the shopper\'s session cookie is http-only and SameSite=Lax', async ({ page }) => {
  await placeOrder(page, newCustomer());
  const cookie = (await page.context().cookies()).find((c) => c.name === 'shop_session');
  expect(cookie?.sameSite).toBe('Lax');
  expect(cookie?.httpOnly).toBe(true);
});

test('the admin outbox does not turn a customer\'s text into a link', async ({ page, browser }) => {
  const customer = { ...newCustomer(), fullName: 'Eve https://evil.example/login?next=admin' };
  const order = await placeOrder(page, customer);
  const admin = await browser.newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto('/admin/outbox');
  const mail = admin.getByRole('article', { name: `Your order #${order.number} is confirmed` });
  await expect(mail).toContainText('https://evil.example/login?next=admin');
  await expect(mail.locator('a[href*="evil.example"]')).toHaveCount(0);
  await expect(mail.getByRole('link', { name: /\/orders\// })).toHaveCount(1); // the shop's own link still is one
  await admin.close();
});
