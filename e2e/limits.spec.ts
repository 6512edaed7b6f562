// Bodies over the documented limits are refused with 413 before they are read,
// and a refused upload changes nothing and leaves no file in STORAGE_DIR.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, E2E_MAX_UPLOAD_BYTES, E2E_STORAGE_DIR } from './support/env';
import { loginAsAdmin } from './support/shop';

/** Other tests upload real files meanwhile: look for what these refusals would have left (empty, too big, partial). */
const leftovers = () => {
  let names: string[] = [];
  try { names = readdirSync(E2E_STORAGE_DIR); } catch { return []; }
  return names.filter((name) => {
    const size = statSync(path.join(E2E_STORAGE_DIR, name)).size;
    return name.endsWith('.part') || size === 0 || size > E2E_MAX_UPLOAD_BYTES;
  });
};
const big = 'x'.repeat(100 * 1024);

test('the token endpoint and server actions refuse a body over 64 KiB with 413', async ({ request }) => {
  const token = await request.post('/api/downloads/token', { headers: { 'content-type': 'application/json' }, data: `{"pad":"${big}"}` });
  expect(token.status()).toBe(413);
  expect((await token.json()).error).toBe('BODY_TOO_LARGE');
  const action = await request.post('/checkout', {
    headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' }, data: big,
  });
  expect(action.status()).toBe(413);
  expect(await action.text()).not.toContain('at ');
});

test('an upload over MAX_UPLOAD_BYTES, or an empty one, is refused and leaves no file', async ({ page }) => {
  await loginAsAdmin(page, ADMIN_PASSWORD);
  const upload = (bytes: number) => page.request.post('/api/admin/products/printable-card-templates/file', {
    multipart: { file: { name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(bytes, 1) } }, maxRedirects: 0,
  });
  const tooBig = await upload(E2E_MAX_UPLOAD_BYTES + 200_000);
  expect(tooBig.status()).toBe(413);
  const empty = await upload(0);
  expect(empty.status()).toBe(303);
  expect(empty.headers().location).toContain('uploadError=empty');
  expect(leftovers()).toEqual([]);
});
