// Buyers find their orders again (issue 19): "Find my orders" mails a one-time sign-in link over
// the real SMTP test server, and an expired download page mails a fresh link instead of being a
// dead end. Neither ever shows a link or an address on the screen.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createDownloadToken, downloadTokenRing } from '../lib/downloads/token';
import { CURRENT_KEY, FIXTURES_URL } from './support/env';
import { licensesOf, localFileOf, newCustomer, placeOrder, waitForMail, type ReceivedMail } from './support/shop';

const SENT = 'If we have orders for that address, a sign-in link is on its way. It works once, within 15 minutes, in the browser you open it in.';
const mailbox = async (request: APIRequestContext) => (await (await request.get(`${FIXTURES_URL}/messages`)).json()) as ReceivedMail[];

test('a buyer in a fresh browser finds every order of the address by email', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const first = await placeOrder(page, customer, [['printable-card-templates', 1]]);
  const second = await placeOrder(page, { ...customer, email: customer.email.toUpperCase() }, [['pop-up-castle', 1]]);

  const phone = await browser.newContext();
  const other = await phone.newPage();
  await other.goto('/');
  await other.getByRole('contentinfo').getByRole('link', { name: 'Find my orders' }).click();
  await expect(other.getByRole('heading', { name: 'Find my orders' })).toBeVisible();
  const ask = async (email: string) => {
    await other.goto('/my-orders');
    await other.getByLabel('Email').fill(email);
    await other.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(other.getByRole('status')).toHaveText(SENT);
    return { url: other.url(), main: await other.locator('main').innerHTML() };
  };
  // The same page for an address without orders and for one with them (typed in another case, with spaces).
  const unknown = await ask(`nobody.${customer.email}`);
  const known = await ask(`  ${customer.email.replace('shopper', 'SHOPPER')} `);
  expect(known).toEqual(unknown);

  // Mailed to the latest order's address as it was typed at checkout (here in capitals; mail
  // software may lower-case the domain, so the mailbox is searched without regard to case).
  let mail: ReceivedMail | undefined;
  await expect.poll(async () => {
    mail = (await mailbox(request)).find((m) => m.subject === 'Your orders' && m.to.toLowerCase().includes(customer.email.toLowerCase()));
    return mail !== undefined;
  }, { timeout: 15_000 }).toBe(true);
  expect(mail!.to).toContain(customer.email.toUpperCase().split('@')[0]);
  expect(mail!.text).toContain('(2 orders)');
  const link = mail!.text.match(/https?:\/\/\S+\/my-orders\/sign-in\?\S+/)![0];
  const all = await mailbox(request);
  const to = (address: string) => all.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  expect(to(customer.email).filter((m) => m.subject === 'Your orders')).toHaveLength(1);
  expect(to(`nobody.${customer.email}`)).toHaveLength(0);

  // A mail scanner fetching the link spends nothing: the page only shows a button.
  expect((await request.get(link)).status()).toBe(200);

  await other.goto(link);
  await other.getByRole('button', { name: 'Show my orders' }).click();
  await other.waitForURL(/\/my-orders\?found=2$/);
  await expect(other.getByRole('status')).toHaveText('Open in this browser: 2 orders of your email address.');
  const rows = other.getByRole('main').getByRole('listitem');
  await expect(rows.filter({ hasText: `#${first.number}` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `#${second.number}` })).toHaveCount(1);
  // Status words as on each order's page: nothing to post is ready, a card is being prepared.
  await expect(rows.filter({ hasText: `#${first.number}` })).toContainText('Status: Paid — ready for you');
  await expect(rows.filter({ hasText: `#${second.number}` })).toContainText('Status: Paid — being prepared');
  await other.getByRole('link', { name: `Order #${first.number}` }).click();
  await other.waitForURL(new RegExp(`/orders/${first.number}\\?signature=`));
  // FULL: the buyer's own details (a download order has no delivery address) and the downloads.
  await expect(other.getByText(customer.email, { exact: true })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'My downloads' })).toBeVisible();
  await other.goto('/my-orders');
  await other.getByRole('link', { name: `Order #${second.number}` }).click();
  await expect(other.getByText(customer.addressLine1)).toBeVisible();

  // A second use, in yet another browser, opens nothing.
  const thief = await browser.newPage();
  await thief.goto(link);
  await thief.getByRole('button', { name: 'Show my orders' }).click();
  await expect(thief.getByText('This sign-in link has expired or was already used.')).toBeVisible();
  await thief.goto('/my-orders');
  await expect(thief.getByRole('main').getByRole('listitem')).toHaveCount(0);
  await thief.close();
  await phone.close();
});

test('an expired download page mails a fresh link to the order’s address, and it opens the downloads', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer, [['printable-card-templates', 1]]);
  const [license] = licensesOf(order.number);
  const url = (token: string) => `/api/downloads/printable-card-templates?token=${encodeURIComponent(token)}`;
  const expired = createDownloadToken(license.id, license.slug, downloadTokenRing([CURRENT_KEY]), Math.floor(Date.now() / 1000) - 600);

  // A tampered or still valid token can send nothing: refused, and no mail for the order.
  const forged = createDownloadToken(license.id, license.slug, downloadTokenRing(['not-the-shop-key-0123456789abcdefghijklm']), Math.floor(Date.now() / 1000) - 600);
  const post = (link: string) => request.post('/fresh-link', { form: { kind: 'download', link }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect((await post(forged)).status()).toBe(403);
  expect((await post(expired.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status()).toBe(403);
  expect((await post(createDownloadToken(license.id, license.slug, downloadTokenRing([CURRENT_KEY]), Math.floor(Date.now() / 1000)))).status()).toBe(403);
  expect((await page.request.get(url(forged))).status()).toBe(403);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  const gone = await other.goto(url(expired));
  expect(gone!.status()).toBe(410);
  await expect(other.getByText('This download link has expired.')).toBeVisible();
  await other.getByRole('button', { name: 'Email me a fresh link' }).click();
  await other.waitForURL(/\/fresh-link\/sent$/);
  await expect(other.getByRole('heading', { name: 'A fresh link is on its way' })).toBeVisible();
  // Never onto the screen: neither the address nor a link to the order.
  const shown = await other.content();
  expect(shown).not.toContain(customer.email);
  expect(shown).not.toMatch(/\/claim\?|signature=/);

  const mail = await waitForMail(request, customer.email, new RegExp(`Open order #${order.number}`));
  expect(mail.text).toContain('You asked for a fresh link to this order.');
  const fresh = mail.text.match(/https?:\/\/\S+\/claim\?\S+/)![0];
  const forOrder = (await mailbox(request)).filter((m) => m.subject.includes(`#${order.number}`) && m.text.includes('fresh link'));
  expect(forOrder).toHaveLength(1);
  expect(forOrder[0].to).toContain(customer.email);

  await other.goto(fresh);
  await other.getByRole('button', { name: `Open order #${order.number} in this browser` }).click();
  await other.waitForURL(new RegExp(`/orders/${order.number}\\?signature=`));
  const downloads = other.getByRole('region', { name: 'My downloads' });
  const [download] = await Promise.all([other.waitForEvent('download'), downloads.getByRole('button', { name: /Download/ }).first().click()]);
  expect(download.suggestedFilename()).toBe(localFileOf('printable-card-templates').fileName);
  await elsewhere.close();
});

test('an expired claim link offers a fresh one instead of a button that cannot work', async ({ page, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer);
  const { orderClaimRing, claimPath } = await import('../lib/order-claims/claims');
  const { signedPath } = await import('../lib/signing');
  const expiredClaim = signedPath(claimPath(order.number), orderClaimRing([CURRENT_KEY]), { expires: Math.floor(Date.now() / 1000) - 60, query: [['nonce', 'gone']] });
  await page.context().clearCookies();
  await page.goto(expiredClaim);
  await expect(page.getByText('This link has expired.')).toBeVisible();
  await expect(page.getByRole('button', { name: `Open order #${order.number} in this browser` })).toHaveCount(0);
  await page.getByRole('button', { name: 'Email me a fresh link' }).click();
  await page.waitForURL(/\/fresh-link\/sent$/);
  const mail = await waitForMail(request, customer.email, new RegExp(`Open order #${order.number}`));
  expect(mail.text).toContain('You asked for a fresh link to this order.');
});
