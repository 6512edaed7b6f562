// What a shopper does, in Playwright terms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { deriveKeyRing } from '../../lib/signing';
import { ORDER_LINK_PURPOSE, signedOrderPath } from '../../lib/order-access/links';
import { E2E_DATABASE_FILE, E2E_STORAGE_DIR, FIXTURES_URL } from './env';

export interface Customer {
  email: string; fullName: string; addressLine1: string; addressLine2: string; city: string; postalCode: string; country: string;
}

let counter = 0;
export function newCustomer(): Customer {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    email: `shopper.${tag}@example.com`, fullName: `Grace Hopper ${tag}`,
    addressLine1: `${100 + counter} Harbour Lane ${tag}`, addressLine2: `Flat ${tag}`,
    // Ireland pays in euros, the currency a new visitor sees: the order goes through without a re-priced total.
    city: `Cork${tag}`, postalCode: `T12 ${counter}AB`, country: 'IE',
  };
}

export const personalData = (c: Customer) => [c.email, c.fullName, c.addressLine1, c.addressLine2, c.city, c.postalCode];

export async function addToCart(page: Page, slug: string, quantity = 1) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status')).toContainText('Added to your cart');
}

export async function fillCheckout(page: Page, customer: Customer) {
  await page.getByLabel('Email').fill(customer.email);
  await page.getByLabel('Full name').fill(customer.fullName);
  if (await page.getByText('no delivery address is needed').count() > 0) return; // digital and content orders
  await page.getByLabel('Address line 1').fill(customer.addressLine1);
  await page.getByLabel('Address line 2').fill(customer.addressLine2);
  await page.getByLabel('City').fill(customer.city);
  await page.getByLabel('Postal code').fill(customer.postalCode);
  await page.getByLabel('Country').selectOption(customer.country);
}

/**
 * On the test provider's page (where "Place order" leads): Pay, or Decline (the button's name in
 * the page's language, e.g. 'Bezahlen'). Lands on the signed order page.
 */
export async function payOnTestPage(page: Page, outcome: 'Pay' | 'Decline' | 'Bezahlen' | 'Ablehnen' = 'Pay') {
  await page.waitForURL(/\/orders\/\d+\/test-payment\?signature=/);
  await expect(page.getByTestId('test-payment-banner')).toBeVisible();
  await page.getByRole('button', { name: outcome, exact: true }).click();
  await page.waitForURL(/\/orders\/\d+\?signature=/);
}

/** Places an order for the given items, without paying: the browser is on the test payment page. */
export async function placeUnpaidOrder(page: Page, customer: Customer, items: [string, number][] = [['pop-up-castle', 1]]) {
  for (const [slug, quantity] of items) await addToCart(page, slug, quantity);
  await page.goto('/cart');
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/checkout/);
  await fillCheckout(page, customer);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+(\/test-payment)?\?signature=/);
  const url = new URL(page.url());
  const number = url.pathname.split('/')[2];
  return { url: `/orders/${number}${url.search}`, number };
}

/** Buys (and pays for, with the test provider) the given items; returns the signed order URL the browser ends on. */
export async function placeOrder(page: Page, customer: Customer, items: [string, number][] = [['pop-up-castle', 1]]) {
  const placed = await placeUnpaidOrder(page, customer, items);
  if (page.url().includes('/test-payment')) await payOnTestPage(page);
  return placed;
}

export function signWithKey(number: string, key: string, expires?: number) {
  return signedOrderPath(number, deriveKeyRing([key], ORDER_LINK_PURPOSE), expires);
}

/** Reads the test database directly (read-only), to check what a flow stored. */
export function readE2eDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE_FILE, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function countOrdersFor(email: string): number {
  return readE2eDb((db) => (db.prepare('SELECT COUNT(*) AS n FROM "Order" WHERE email = ?').get(email) as { n: number }).n);
}

export interface ReceivedMail { to: string; subject: string; text: string }

export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect.poll(async () => {
    const messages = (await (await request.get(`${FIXTURES_URL}/messages`)).json()) as ReceivedMail[];
    found = messages.find((m) => m.to.includes(to) && subject.test(m.subject));
    return Boolean(found);
  }, { timeout: 15_000 }).toBe(true);
  return found!;
}

export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+\/orders\/\d+\?\S+/);
  if (!match) throw new Error(`no order link in mail:\n${text}`);
  return match[0];
}

export async function loginAsAdmin(page: Page, password: string) {
  await page.goto('/admin');
  await page.getByLabel('Admin password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
}

export async function markDispatchedAsAdmin(page: Page, password: string, number: string) {
  await loginAsAdmin(page, password);
  await page.goto(`/admin/orders/${number}`);
  await page.getByRole('link', { name: 'Mark dispatched…' }).click();
  await page.getByRole('button', { name: 'Yes, mark dispatched' }).click();
  await expect(page.getByTestId('admin-order-status')).toHaveText('dispatched');
}

export function licensesOf(orderNumber: string): { id: number; slug: string }[] {
  return readE2eDb((db) => db.prepare(`SELECT l.id AS id, p.slug AS slug FROM "License" l JOIN "Order" o ON o.id = l.orderId
    JOIN "Product" p ON p.id = l.productId WHERE o.number = ? ORDER BY l.id`).all(orderNumber) as { id: number; slug: string }[]);
}

export function storedFileName(productSlug: string): string {
  return readE2eDb((db) => (db.prepare(`SELECT f.storedName AS name FROM "FileSource" f JOIN "Product" p ON p.id = f.productId
    WHERE p.slug = ?`).get(productSlug) as { name: string }).name);
}

/** The file a local-source product hands out right now: its name and bytes as stored (another spec may replace it). */
export function localFileOf(productSlug: string): { fileName: string; bytes: Buffer } {
  const source = readE2eDb((db) => db.prepare(`SELECT f.fileName AS fileName, f.storedName AS storedName FROM "FileSource" f
    JOIN "Product" p ON p.id = f.productId WHERE p.slug = ? AND f.kind = 'local'`).get(productSlug) as { fileName: string; storedName: string });
  return { fileName: source.fileName, bytes: readFileSync(path.join(E2E_STORAGE_DIR, source.storedName)) };
}

export function downloadCountOf(licenseId: number): number {
  return readE2eDb((db) => (db.prepare('SELECT downloadCount AS n FROM "License" WHERE id = ?').get(licenseId) as { n: number }).n);
}

export function orderStatusOf(number: string): string {
  return readE2eDb((db) => (db.prepare('SELECT status FROM "Order" WHERE number = ?').get(number) as { status: string }).status);
}
