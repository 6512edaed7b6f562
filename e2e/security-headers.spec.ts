// Every page carries a nonce CSP it passes, nosniff and no framing.
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin, newCustomer, placeOrder } from './support/shop';

test('pages carry a fresh CSP nonce on their scripts, nosniff and frame-ancestors none', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/', '/cart', '/admin', '/orders/1']) {
    const response = await request.get(path);
    const csp = response.headers()['content-security-policy'];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['strict-transport-security']).toBeUndefined(); // http here; https gets HSTS
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    nonces.add(nonce);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(4);
});

test('a whole shopping and admin session runs without one CSP violation', async ({ page, browser }) => {
  const violations: string[] = [];
  const watch = (p: typeof page) => p.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  watch(page);
  const order = await placeOrder(page, newCustomer(), [['printable-card-templates', 1], ['pop-up-castle', 1]]);
  await page.goto(order.url);
  await page.getByLabel('City').fill('Winchester');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByText('Delivery address updated.')).toBeVisible();
  const admin = await browser.newPage();
  watch(admin);
  await loginAsAdmin(admin, ADMIN_PASSWORD);
  await admin.goto(`/admin/orders/${order.number}`);
  await admin.goto('/admin/outbox');
  await admin.close();
  expect(violations).toEqual([]);
});
