// What a refund takes back, in Playwright terms: the admin's refund form, and the buyer's
// download, article link and pass link, each checked once (no retry: revocation is immediate).
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { BODY_ONLY, contentLinksIn } from './content';
import { readE2eDb, waitForMail, type Customer } from './shop';

export const DOWNLOAD = { slug: 'printable-card-templates', name: 'Printable Pop-up Templates (PDF)' };
export const ARTICLE = { slug: 'article-how-pop-ups-work', name: 'Article: How Pop-ups Really Work', path: '/articles/how-pop-ups-work' };
export const PASS = { slug: 'studio-pass', name: 'Studio Pass (30 days)', article: 'v-fold-tutorial' } as const;
/** The one product of each kind a refund takes something back from. */
export const ONE_OF_EACH: [string, number][] = [[DOWNLOAD.slug, 1], [ARTICLE.slug, 1], [PASS.slug, 1]];

export const LICENSE_REVOKED_WORDS = 'This download is no longer available: its purchase was refunded or cancelled, or the shop withdrew it.';
export const CONTENT_LINK_REVOKED_WORDS = 'This link no longer opens the content: its purchase was refunded or cancelled.';

export const euros = (cents: number) => `€${(cents / 100).toFixed(2)}`;

export function orderMoneyOf(number: string): { totalCents: number; refundedCents: number; refunds: number } {
  return readE2eDb((db) => db.prepare(`SELECT o.totalCents AS totalCents, o.refundedCents AS refundedCents,
    (SELECT COUNT(*) FROM "Refund" r WHERE r.orderId = o.id) AS refunds FROM "Order" o WHERE o.number = ?`).get(number) as
    { totalCents: number; refundedCents: number; refunds: number });
}

export function refundMailsOf(number: string): number {
  return readE2eDb((db) => (db.prepare(`SELECT COUNT(*) AS n FROM "OutboxMessage" m JOIN "Order" o ON o.id = m.orderId
    WHERE o.number = ? AND m.kind = 'order-refunded'`).get(number) as { n: number }).n);
}

/** The buyer's links from the confirmation email: the article's and the pass's. */
export async function mailedReadingLinks(request: APIRequestContext, customer: Customer, number: string) {
  const mail = await waitForMail(request, customer.email, new RegExp(`order #${number} is confirmed`));
  const links = contentLinksIn(mail.text);
  const article = links.find((link) => link.includes(`${ARTICLE.path}?`));
  const pass = links.find((link) => link.includes(`/passes/${PASS.slug}?`));
  expect(article, mail.text).toBeDefined();
  expect(pass, mail.text).toBeDefined();
  return { article: article!, pass: pass! };
}

/** A download URL for the order's download line, asked for by the buyer's browser (FULL tier). */
export async function downloadUrlOf(page: Page, order: { url: string }, licenseId: number): Promise<string> {
  const issued = await page.request.post('/api/downloads/token', { data: { order_link: order.url, license_id: licenseId, product_slug: DOWNLOAD.slug } });
  expect(issued.status()).toBe(200);
  return ((await issued.json()) as { url: string }).url;
}

export async function expectDownloadWorks(client: APIRequestContext, url: string) {
  const response = await client.get(url);
  expect(response.status(), url).toBe(200);
  expect((await response.body()).length).toBeGreaterThan(0);
}

export async function expectDownloadRefused(client: APIRequestContext, url: string) {
  const response = await client.get(url);
  expect(response.status(), url).toBe(403);
  expect(await response.text()).toContain(LICENSE_REVOKED_WORDS);
}

const accessApi = (client: APIRequestContext, articleSlug: string, link: string) =>
  client.get(`/api/access/${articleSlug}`, { headers: { 'X-Sesamy-Signed-Url': link } });

export async function expectArticleOpens(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByText(BODY_ONLY['how-pop-ups-work'])).toBeVisible();
  expect((await accessApi(page.request, 'how-pop-ups-work', link)).status()).toBe(200);
}

export async function expectArticleRevoked(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByTestId('lock-reason')).toHaveText(CONTENT_LINK_REVOKED_WORDS);
  await expect(page.getByText(BODY_ONLY['how-pop-ups-work'])).toHaveCount(0);
  const api = await accessApi(page.request, 'how-pop-ups-work', link);
  expect(api.status()).toBe(410);
  expect(await api.json()).toEqual({ error: 'CONTENT_LINK_REVOKED', message: CONTENT_LINK_REVOKED_WORDS });
}

export async function expectPassOpens(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByText(/^Your pass is valid until/)).toBeVisible();
  await page.getByRole('link', { name: 'Tutorial: Your First V-fold' }).click();
  await expect(page.getByText(BODY_ONLY[PASS.article])).toBeVisible();
  expect((await accessApi(page.request, PASS.article, link)).status()).toBe(200);
}

export async function expectPassRevoked(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByTestId('lock-reason')).toHaveText(CONTENT_LINK_REVOKED_WORDS);
  await page.goto(`/articles/${PASS.article}?pass=${encodeURIComponent(link)}`);
  await expect(page.getByTestId('lock-reason')).toHaveText(CONTENT_LINK_REVOKED_WORDS);
  await expect(page.getByText(BODY_ONLY[PASS.article])).toHaveCount(0);
  const api = await accessApi(page.request, PASS.article, link);
  expect(api.status()).toBe(410);
  expect((await api.json()).error).toBe('CONTENT_LINK_REVOKED');
}

/** On the admin's order page: Refund… → tick `lines` (names of order lines) → amount → reason; returns the form, not yet sent. */
export async function fillRefundForm(admin: Page, number: string, refund: { lines: string[]; amount: string; reason: string }) {
  await admin.goto(`/admin/orders/${number}`);
  await admin.getByRole('link', { name: 'Refund…' }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/orders/${number}\\?confirm=refund$`));
  await expect(admin.getByText(`Refund order #${number}: the money goes back through test`)).toBeVisible();
  const form = admin.locator('form.refund-form');
  await expect(form.getByRole('group', { name: /^Lines to take back/ })).toBeVisible();
  for (const line of refund.lines) await form.getByRole('checkbox', { name: new RegExp(`^1 × ${line.replace(/[()]/g, '\\$&')} \\(`) }).check();
  await form.getByLabel(/^Amount to refund/).fill(refund.amount);
  await form.getByLabel('Reason (told to the buyer)').fill(refund.reason);
  return form;
}
