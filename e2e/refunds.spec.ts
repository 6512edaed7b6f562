// An admin refunds through the order's admin page: every line taken back loses what it granted
// at once (the stated delay is none: each download and each link reads its licence or grant
// row), the buyer is emailed, and the same form sent twice refunds once.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, BASE_URL } from './support/env';
import { licensesOf, loginAsAdmin, newCustomer, placeOrder, waitForMail } from './support/shop';
import {
  ARTICLE, DOWNLOAD, ONE_OF_EACH, PASS, downloadUrlOf, euros, expectArticleOpens, expectArticleRevoked, expectDownloadRefused,
  expectDownloadWorks, expectPassOpens, expectPassRevoked, fillRefundForm, mailedReadingLinks, orderMoneyOf, refundMailsOf,
} from './support/refunds';

async function adminPage(browser: Browser): Promise<Page> {
  const admin = await (await browser.newContext()).newPage();
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  return admin;
}

const historyRow = (admin: Page, change: string) => admin.getByTestId('order-history').getByRole('row').filter({ hasText: change });
const refundRows = (admin: Page) => admin.getByRole('table', { name: 'Refunds' }).locator('tbody tr');

test('a whole order refunded by an admin: the download, the article link and the pass link are refused at once', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer, ONE_OF_EACH);
  const { totalCents } = orderMoneyOf(order.number);
  expect(totalCents).toBe(2700); // 9.00 + 3.00 + 15.00, nothing posted
  const [license] = licensesOf(order.number);
  const download = await downloadUrlOf(page, order, license.id);
  const mailed = await mailedReadingLinks(request, customer, order.number);
  await page.goto(order.url);
  const pageArticleLink = await page.getByTestId('content-link').filter({ hasText: 'Read' }).getAttribute('href');

  // Everything the order granted works before the refund, in the buyer's browser.
  await expectDownloadWorks(page.request, download);
  await expectArticleOpens(page, mailed.article);
  await expectArticleOpens(page, pageArticleLink!);
  await expectPassOpens(page, mailed.pass);

  const admin = await adminPage(browser);
  const reason = `Arrived too late ${order.number}`;
  const form = await fillRefundForm(admin, order.number, { lines: [DOWNLOAD.name, ARTICLE.name, PASS.name], amount: (totalCents / 100).toFixed(2), reason });
  await form.getByRole('button', { name: 'Yes, refund' }).click();
  await expect(admin.getByTestId('admin-order-status')).toHaveText('refunded');

  // At once, in the buyer's browser: no waiting, no retry.
  await expectDownloadRefused(page.request, download);
  await expectArticleRevoked(page, mailed.article);
  await expectArticleRevoked(page, pageArticleLink!);
  await expectPassRevoked(page, mailed.pass);
  const token = await page.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: license.id, product_slug: DOWNLOAD.slug } });
  expect(token.status()).toBe(403);
  expect((await token.json()).error).toBe('LICENSE_REVOKED');

  // The admin sees it in the history and the refunds; the money is back in full, once.
  await expect(historyRow(admin, 'paid → refunded')).toHaveCount(1);
  await expect(historyRow(admin, 'paid → refunded')).toContainText(reason);
  await expect(historyRow(admin, 'paid → refunded')).toContainText('admin');
  await expect(historyRow(admin, 'paid → refunded')).toContainText('€27.00');
  await expect(refundRows(admin)).toHaveCount(1);
  await expect(refundRows(admin)).toContainText('€27.00');
  await expect(refundRows(admin)).toContainText('succeeded');
  await expect(admin.getByTestId('admin-refunded')).toHaveText('€27.00');
  await expect(admin.getByRole('link', { name: 'Refund…' })).toHaveCount(0); // nothing left to refund
  for (const line of [DOWNLOAD.name, ARTICLE.name, PASS.name]) await expect(admin.getByRole('listitem').filter({ hasText: line })).toContainText('taken back');

  const mail = await waitForMail(request, customer.email, new RegExp(`^Refund for your order #${order.number}$`));
  expect(mail.text).toContain(`we have refunded €27.00 for your order #${order.number}.`);
  expect(mail.text).toContain(`Reason: ${reason}`);
  for (const line of [DOWNLOAD.name, ARTICLE.name, PASS.name]) expect(mail.text).toContain(`  ${line}`);
  expect(mail.text).toContain(`${BASE_URL}/orders/${order.number}?signature=`);

  // The buyer's order page says so, and offers nothing that was taken back.
  await page.goto(order.url);
  await expect(page.getByTestId('order-status')).toHaveText('Refunded');
  await expect(page.getByTestId('refunds')).toContainText('€27.00 refunded on');
  const downloads = page.getByRole('region', { name: 'My downloads' });
  await expect(downloads).toContainText('No longer available: refunded or withdrawn');
  await expect(downloads.getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expect(page.getByTestId('content-link')).toHaveCount(0);
  await admin.context().close();
});

test('a partial refund of one line takes back that line only: the download and the pass still work', async ({ page, browser, request }) => {
  const customer = newCustomer();
  const order = await placeOrder(page, customer, ONE_OF_EACH);
  const [license] = licensesOf(order.number);
  const download = await downloadUrlOf(page, order, license.id);
  const mailed = await mailedReadingLinks(request, customer, order.number);
  await expectArticleOpens(page, mailed.article);

  const admin = await adminPage(browser);
  const form = await fillRefundForm(admin, order.number, { lines: [ARTICLE.name], amount: '3.00', reason: 'Already had it' });
  await form.getByRole('button', { name: 'Yes, refund' }).click();
  await expect(form.getByRole('status')).toHaveText('Refunded: what the lines granted is revoked, and the buyer is emailed.');
  await expect(admin.getByTestId('admin-order-status')).toHaveText('partially_refunded');
  await expect(historyRow(admin, 'paid → partially_refunded')).toContainText('€3.00');
  // The line taken back is no longer offered; the others still are.
  await expect(form.getByRole('checkbox')).toHaveCount(2);
  await expect(form.getByRole('checkbox', { name: new RegExp(ARTICLE.name) })).toHaveCount(0);

  await expectArticleRevoked(page, mailed.article);
  // The near miss: the lines not ticked keep working.
  await expectDownloadWorks(page.request, download);
  await expectPassOpens(page, mailed.pass);

  const mail = await waitForMail(request, customer.email, new RegExp(`^Refund for your order #${order.number}$`));
  expect(mail.text).toContain(`we have refunded €3.00 for your order #${order.number}.`);
  expect(mail.text).toContain(`  ${ARTICLE.name}`);
  expect(mail.text).not.toContain(`  ${DOWNLOAD.name}`);
  expect(mail.text).not.toContain(`  ${PASS.name}`);

  await page.goto(order.url);
  await expect(page.getByTestId('order-status')).toHaveText('Partly refunded');
  await expect(page.getByRole('row').filter({ hasText: ARTICLE.name })).toContainText('(Refunded)');
  await expect(page.getByRole('row').filter({ hasText: PASS.name })).not.toContainText('(Refunded)');
  await expect(page.getByRole('region', { name: 'My downloads' }).getByRole('button', { name: /Download/ })).toHaveCount(1);
  await expect(page.getByTestId('content-link')).toHaveText(['Open the pass']);
  // Access to the article ended with the refund, today, not when its link would have run out.
  const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
  await expect(page.getByRole('region', { name: 'My reading' }).getByRole('listitem').filter({ hasText: 'How Pop-ups Really Work' }))
    .toContainText(`Access ended on ${today}`);
  expect(orderMoneyOf(order.number)).toMatchObject({ refundedCents: 300, refunds: 1 });
  await admin.context().close();
});

test('the same refund form sent twice, one after the other or at the same moment, refunds once', async ({ page, browser }) => {
  const order = await placeOrder(page, newCustomer(), [['pop-up-castle', 1]]);
  const admin = await adminPage(browser);
  const form = await fillRefundForm(admin, order.number, { lines: [], amount: '5.00', reason: 'Bent corner' });
  // A double click that got through: the form submitted twice before the first answer, with its one requestKey.
  await form.evaluate((element: HTMLFormElement) => { element.requestSubmit(); element.requestSubmit(); });
  await expect(form.getByRole('status')).toHaveText('This refund was already made; nothing was refunded twice.');
  await expect(refundRows(admin)).toHaveCount(1);
  expect(orderMoneyOf(order.number)).toMatchObject({ refundedCents: 500, refunds: 1 });

  // The same form posted by two clients at the same moment (the page as served, posted natively, without JavaScript).
  await admin.goto(`/admin/orders/${order.number}?confirm=refund`);
  await form.getByLabel(/^Amount to refund/).fill('5.00');
  await form.getByLabel('Reason (told to the buyer)').fill('Bent corner, again');
  const fields = await form.evaluate((element: HTMLFormElement) => [...new FormData(element)].map(([name, value]) => [name, String(value)]));
  expect(fields.map(([name]) => name)).toContain('requestKey');
  const body = () => {
    const data = new FormData();
    for (const [name, value] of fields) data.append(name, value);
    return data;
  };
  const answers = await Promise.all([0, 1].map(async () => {
    const answer = await admin.request.post(`/admin/orders/${order.number}?confirm=refund`, { multipart: body(), headers: { Origin: BASE_URL } });
    expect(answer.status()).toBe(200);
    return answer.text();
  }));
  expect(answers.filter((html) => html.includes('Refunded: what the lines granted is revoked'))).toHaveLength(1);
  expect(answers.filter((html) => html.includes('This refund was already made; nothing was refunded twice.'))).toHaveLength(1);

  // Two refunds of €5.00, not three or four: the table, the total and the emails agree.
  await admin.goto(`/admin/orders/${order.number}`);
  await expect(refundRows(admin)).toHaveCount(2);
  await expect(admin.getByTestId('admin-refunded')).toHaveText(euros(1000));
  await expect(historyRow(admin, '→ partially_refunded')).toHaveCount(2);
  expect(orderMoneyOf(order.number)).toMatchObject({ refundedCents: 1000, refunds: 2 });
  expect(refundMailsOf(order.number)).toBe(2);
  await admin.context().close();
});
