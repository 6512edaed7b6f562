import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin } from './support/shop';

test('the admin has her own Strict cookie, and a copy replayed after logout is refused', async ({ page, browser }) => {
  await loginAsAdmin(page, ADMIN_PASSWORD);
  const cookies = await page.context().cookies();
  const admin = cookies.find((c) => c.name === 'shop_admin');
  expect(admin, 'an admin cookie of its own').toBeDefined();
  expect(admin!.sameSite).toBe('Strict');
  expect(admin!.httpOnly).toBe(true);
  // It expires after the idle timeout, not after the shopper's 24 hours.
  expect(admin!.expires * 1000 - Date.now()).toBeLessThan(31 * 60_000);

  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto('/admin');
  await expect(stolen.getByRole('heading', { name: 'Orders' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByLabel('Admin password')).toBeVisible();
  await stolen.goto('/admin');
  await expect(stolen.getByLabel('Admin password')).toBeVisible();
  await expect(stolen.getByRole('heading', { name: 'Orders' })).toHaveCount(0);
  await thief.close();
});

test('after 10 failed logins a client is refused even with the right password; others are not', async ({ browser }) => {
  const guesser = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.66' } });
  const page = await guesser.newPage();
  await page.goto('/admin');
  for (let i = 0; i < 10; i += 1) {
    await page.getByLabel('Admin password').fill(`guess-${i}`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.locator('#password-error')).toHaveText('Wrong password.');
    await page.reload();
  }
  await page.getByLabel('Admin password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#password-error')).toHaveText('Too many failed logins. Wait a few minutes and try again.');
  await expect(page.getByRole('heading', { name: 'Orders' })).toHaveCount(0);
  await guesser.close();

  const admin = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.67' } });
  await loginAsAdmin(await admin.newPage(), ADMIN_PASSWORD);
  await admin.close();
});

test('a logged-out admin URL answers 303 to the login, and the login returns to it; never to another site', async ({ page, request }) => {
  const answer = await request.get('/admin/outbox', { maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  expect(answer.headers().location).toMatch(/\/admin\/login\?next=%2Fadmin%2Foutbox$/);

  await page.goto('/admin/outbox');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Foutbox$/);
  await page.getByLabel('Admin password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.goto('/admin/login?next=//evil.example/admin');
  await page.getByLabel('Admin password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/admin$/);
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
});
