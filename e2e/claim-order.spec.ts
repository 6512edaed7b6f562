// A buyer on another device claims her order through a one-time link mailed over
// the real SMTP test server; the page never says whether the email matched.
import { expect, test } from '@playwright/test';
import { FIXTURES_URL } from './support/env';
import { newCustomer, placeOrder, waitForMail, type ReceivedMail } from './support/shop';

const SENT = 'If this is the order\'s email address, a link is on its way. It works once, within 15 minutes.';

test('a new browser claims an order with a one-time emailed link', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer, [['printable-card-templates', 1]]);

  const phone = await browser.newContext();
  const other = await phone.newPage();
  await other.goto(order.url);
  await expect(other.getByText(customer.email)).toHaveCount(0);
  const ask = async (email: string) => {
    await other.getByLabel('Email').fill(email);
    await other.getByRole('button', { name: 'Email me a link' }).click();
    await expect(other.getByRole('status')).toHaveText(SENT);
    const html = await other.content();
    await other.reload();
    return html.replace(/value="[^"]*"/g, '');
  };
  const wrong = await ask(`not.${customer.email}`);
  const right = await ask(customer.email.toUpperCase());
  expect(right.length).toBe(wrong.length);

  const mail = await waitForMail(request, customer.email, new RegExp(`Open order #${order.number}`));
  const link = mail.text.match(/https?:\/\/\S+\/claim\?\S+/)![0];
  const all = (await (await request.get(`${FIXTURES_URL}/messages`)).json()) as ReceivedMail[];
  expect(all.filter((m) => m.subject.includes(`Open order #${order.number}`))).toHaveLength(1);

  await other.goto(link);
  await other.getByRole('button', { name: `Open order #${order.number} in this browser` }).click();
  await other.waitForURL(new RegExp(`/orders/${order.number}\\?signature=`));
  await expect(other.getByText(customer.email)).toBeVisible();
  await expect(other.getByRole('heading', { name: 'My downloads' })).toBeVisible();

  // Single use: the same link in yet another browser does nothing.
  const thief = await browser.newPage();
  await thief.goto(link);
  await thief.getByRole('button', { name: `Open order #${order.number} in this browser` }).click();
  await expect(thief.getByText('This link has expired or was already used.')).toBeVisible();
  await thief.goto(order.url);
  await expect(thief.getByText(customer.email)).toHaveCount(0);
  await thief.close();
  await phone.close();
});

test('claim requests are rate limited per order', async ({ page, browser }) => {
  const order = await placeOrder(page, newCustomer());
  const other = await browser.newPage();
  await other.goto(order.url);
  for (let i = 0; i < 3; i += 1) {
    await other.getByLabel('Email').fill(`guess${i}@example.com`);
    await other.getByRole('button', { name: 'Email me a link' }).click();
    await expect(other.getByRole('status')).toHaveText(SENT);
    await other.reload();
  }
  await other.getByLabel('Email').fill('guess4@example.com');
  await other.getByRole('button', { name: 'Email me a link' }).click();
  await expect(other.getByText('Too many requests for this order.')).toBeVisible();
  await other.close();
});
