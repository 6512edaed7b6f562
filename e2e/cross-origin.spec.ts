// A page on another port of the same host is "same-site": the browser sends the
// admin's cookie with its form posts. Such posts must change nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, BASE_URL } from './support/env';
import { loginAsAdmin, newCustomer, orderStatusOf, placeOrder } from './support/shop';

/** Serves one HTML page on an ephemeral port of 127.0.0.1 (same site, other origin). */
async function servePage(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const attackPage = (form: string, noReferrer: boolean) => `<!doctype html><html><head>
  ${noReferrer ? '<meta name="referrer" content="no-referrer">' : ''}</head>
  <body>${form}<script>document.forms[0].submit()</script></body></html>`;

for (const [variant, noReferrer] of [['Origin: null (no-referrer page)', true], ['another port\'s Origin', false]] as const) {
  test(`an admin form auto-submitted from another port changes nothing: ${variant}`, async ({ page, browser }) => {
    const shopper = await browser.newPage();
    const order = await placeOrder(shopper, newCustomer());
    await shopper.close();

    await loginAsAdmin(page, ADMIN_PASSWORD);
    await page.goto(`/admin/orders/${order.number}?confirm=dispatch`);
    // The attacker copies the real form (its action id is in the page's HTML) and aims it at the shop.
    const form = await page.locator('form', { has: page.getByRole('button', { name: 'Yes, mark dispatched' }) })
      .evaluate((el, action) => { el.setAttribute('action', action); el.setAttribute('method', 'POST'); return el.outerHTML; },
        `${BASE_URL}/admin/orders/${order.number}`);
    const attacker = await servePage(attackPage(form, noReferrer));
    try {
      const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(BASE_URL));
      await page.goto(attacker.url);
      const response = await posted;
      expect(response.status()).toBe(403);
      expect(orderStatusOf(order.number)).toBe('paid');
    } finally {
      attacker.server.close();
    }
    // The same form from the shop's own page still works: the refusal above was the origin, not the form.
    await page.goto(`/admin/orders/${order.number}?confirm=dispatch`);
    await page.getByRole('button', { name: 'Yes, mark dispatched' }).click();
    await expect(page.getByTestId('admin-order-status')).toHaveText('dispatched');
  });
}
