// A scraper with a fresh browser walks 1,000 order numbers, unsigned and with one
// shared signed link, and receives not one byte of any customer's personal data.
import { expect, test } from '@playwright/test';
import { findPersonalData } from './support/pii';
import { newCustomer, personalData, placeOrder } from './support/shop';

test('1,000 order numbers walked by a fresh browser: zero bytes of personal data', async ({ browser }) => {
  test.setTimeout(240_000);
  const buyers = await browser.newContext();
  const customers = [newCustomer(), newCustomer(), newCustomer()];
  const orders = [];
  for (const customer of customers) orders.push(await placeOrder(await buyers.newPage(), customer));
  await buyers.close();

  const shared = orders[0].url.split('?')[1]; // one real signed link, tried on every number
  const numbers = new Set(orders.map((o) => o.number));
  const base = Number(orders[1].number);
  for (let delta = 1; numbers.size < 1000; delta += 1) numbers.add(String(delta % 2 ? base + delta : base - delta));
  // A fresh browser of its own, seen as its own client address behind the trusted proxy.
  const scraper = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.250' } });
  const values = customers.flatMap(personalData);
  const urls = [...numbers].flatMap((n) => [`/orders/${n}`, `/orders/${n}?${shared}`]);
  let checked = 0;
  const leaks: string[] = [];
  const worker = async () => {
    for (let url = urls.pop(); url; url = urls.pop()) {
      const response = await scraper.request.get(url);
      expect([200, 404], url).toContain(response.status());
      const found = findPersonalData(await response.text(), values);
      if (found) leaks.push(`${url}: ${found}`);
      checked += 1;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  expect(checked).toBe(2000);
  expect(leaks).toEqual([]);
  await scraper.close();
});
