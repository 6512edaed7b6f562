// An order number that exists (EXISTS tier) and one that does not answer in the
// same time class, so response time does not tell a scraper which numbers are real.
import { expect, test } from '@playwright/test';
import { newCustomer, placeOrder } from './support/shop';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('EXISTS and unknown numbers take the same time class', async ({ page, playwright }) => {
  const order = await placeOrder(page, newCustomer());
  const client = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.251' } });
  const time = async (url: string) => {
    const start = performance.now();
    await (await client.get(url)).body();
    return performance.now() - start;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 60; i += 1) { // interleaved, so load on the machine hits both alike
    known.push(await time(`/orders/${order.number}`));
    unknown.push(await time(`/orders/${10_000_000 + Math.floor(Math.random() * 89_999_999)}`));
  }
  const ratio = median(known) / median(unknown);
  console.log(`EXISTS median ${median(known).toFixed(1)} ms, unknown median ${median(unknown).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
  expect(ratio).toBeGreaterThan(0.67);
  expect(ratio).toBeLessThan(1.5);
  await client.dispose();
});
