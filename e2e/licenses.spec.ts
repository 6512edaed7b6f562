// Issue 20's done-when flow: buy the plugin, see its key on the order page, activate it through the
// License API until the limit, free one on the order page, then the admin publishes 1.1 in the admin
// UI and the update API hands out a URL that downloads exactly 1.1.
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/env';
import { loginAsAdmin, newCustomer, placeOrder } from './support/shop';

const form = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: new URLSearchParams(fields).toString() });

test('buy the plugin, activate to the limit, free one on the order page, update to 1.1 after the admin publishes it', async ({ page, request }) => {
  const { url } = await placeOrder(page, newCustomer(), [['paper-engineering-plugin', 1]]);
  await page.goto(url);
  const key = (await page.getByTestId('license-key').textContent())!.trim();
  expect(key).toMatch(/^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){5}$/);
  await expect(page.getByTestId('activations-in-use')).toHaveText('0 of 3 activations in use');

  const activate = (name: string) => request.post('/api/licenses/activate', form({ license_key: key, instance_name: name }));
  const instances: string[] = [];
  for (const [i, name] of ['Studio Mac', 'Laptop', 'Office PC'].entries()) {
    const answer = await activate(name);
    expect(answer.status()).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({ activated: true, license_key: { key, activation_limit: 3, activation_usage: i + 1 }, instance: { name } });
    expect(answer.headers()['access-control-allow-origin']).toBeUndefined();
    instances.push(body.instance.id);
  }
  const full = await activate('Fourth');
  expect(full.status()).toBe(409);
  expect(await full.json()).toMatchObject({ activated: false, code: 'ACTIVATION_LIMIT_REACHED' });

  await page.reload();
  await expect(page.getByTestId('activations-in-use')).toHaveText('3 of 3 activations in use');
  await page.getByRole('button', { name: 'Free the activation on Laptop' }).click();
  await expect(page.getByTestId('activations-in-use')).toHaveText('2 of 3 activations in use');
  await expect(page.getByRole('button', { name: 'Free the activation on Laptop' })).toHaveCount(0);
  const freed = await request.post('/api/licenses/validate', form({ license_key: key, instance_id: instances[1] }));
  expect(freed.status()).toBe(410);
  expect((await activate('New laptop')).status()).toBe(200);

  const before = await request.post('/api/licenses/update', form({ license_key: key, instance_id: instances[0], version: '1.1' }));
  expect(before.status()).toBe(200);
  expect(await before.json()).toMatchObject({ up_to_date: true, package: '' });

  const bytes = Buffer.from(`Paper Engineering Plugin 1.1 ${Date.now()}\n`.repeat(200));
  await loginAsAdmin(page, ADMIN_PASSWORD);
  await page.goto('/admin/products/paper-engineering-plugin');
  await page.getByLabel('Version (for example 1.1)').fill('1.1');
  await page.getByLabel('Release notes (Markdown)').fill('## Fixed\n- Layers keep their order');
  await page.locator('#version-file').setInputFiles({ name: 'plugin-1.1.zip', mimeType: 'application/zip', buffer: bytes });
  await page.getByRole('button', { name: 'Publish version' }).click();
  await expect(page.getByText(/Version 1\.1 published/)).toBeVisible();

  const update = await request.post('/api/licenses/update', form({ license_key: key, instance_id: instances[0], version: '1.0' }));
  expect(update.status()).toBe(200);
  const answer = await update.json();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  expect(answer).toMatchObject({ new_version: '1.1', up_to_date: false, sha256, size_bytes: bytes.length, sections: { changelog: expect.stringContaining('Layers keep their order') } });
  const download = await request.get(answer.package);
  expect(download.status()).toBe(200);
  expect(createHash('sha256').update(await download.body()).digest('hex')).toBe(sha256);
});
