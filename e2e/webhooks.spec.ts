// The admin registers a webhook endpoint in the browser; a real receiving server (verifying with
// the standardwebhooks library) hears order.paid when a buyer pays and the test event when the
// admin sends one; the delivery log shows each attempt; a private-target refusal and a secret
// rotation with its overlap are said in words.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin, newCustomer, placeOrder } from './support/shop';

interface Heard { id: string; type: string; signatures: number }

test('an admin registers an endpoint that hears paid orders and test events, signed, and rotates its secret', async ({ page, browser }) => {
  let secrets: string[] = [];
  const heard: Heard[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      const ok = secrets.some((secret) => { try { new Webhook(secret).verify(body, headers); return true; } catch { return false; } });
      if (!ok) { response.writeHead(401).end('bad signature'); return; }
      heard.push({ id: headers['webhook-id'], type: JSON.parse(body).type, signatures: headers['webhook-signature'].split(' ').length });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${Date.now()}`;
  try {
    await loginAsAdmin(page, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    const form = page.getByRole('form', { name: 'New endpoint' });
    // A URL with credentials is refused in words, and nothing is saved.
    await form.getByLabel('URL').fill('http://user:pw@127.0.0.1/hooks');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form.getByRole('alert')).toContainText('Leave the user name and password out of the URL.');
    await form.getByLabel('URL').fill(url);
    await form.getByLabel('Description').fill('Our ERP');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await form.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    secrets = [secret];
    await page.reload();
    await expect(page.getByTestId('webhook-secret')).toHaveCount(0); // shown once
    await page.getByRole('link', { name: `Delivery log and settings for ${url}` }).click();
    await page.waitForURL(/\/admin\/webhooks\/\d+$/);
    const endpointPage = page.url();

    const buyer = await browser.newPage();
    const placed = await placeOrder(buyer, newCustomer(), [['printable-card-templates', 1]]);
    await expect.poll(() => heard.filter((h) => h.type === 'order.paid').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await buyer.close();
    expect(placed.number).toBeTruthy();

    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'A test event is on its way.' })).toBeVisible();
    await expect.poll(() => heard.some((h) => h.type === 'webhook.test'), { timeout: 15_000 }).toBe(true);
    await page.goto(endpointPage);
    const log = page.getByTestId('webhook-log');
    await expect(log).toContainText('webhook.test');
    await expect(log).toContainText('order.paid');
    await expect(log).toContainText('delivered');
    await expect(log).toContainText('204');

    // Rotation asks first, shows the new secret once, and both signatures are sent during the overlap.
    await page.getByRole('link', { name: 'Rotate secret…' }).click();
    await page.getByLabel('Overlap in hours (both signatures are sent)').fill('2');
    await page.getByRole('button', { name: 'Yes, make a new secret' }).click();
    const rotated = (await page.getByTestId('webhook-secret').textContent())!;
    expect(rotated).not.toBe(secret);
    secrets = [rotated];
    await page.goto(endpointPage);
    await expect(page.getByText(/The previous secret also signs until/)).toBeVisible();
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => heard.filter((h) => h.type === 'webhook.test').at(-1)?.signatures === 2 && heard.filter((h) => h.type === 'webhook.test').length >= 2, { timeout: 15_000 }).toBe(true);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
