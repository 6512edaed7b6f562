// The driver-level reader the order page uses: one statement per name, on both providers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOf, rowReader } from '@/lib/db/row-reader';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

describe.each(PROVIDERS_UNDER_TEST)('rowReader on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  it('binds ? placeholders in order and reads rows by column name', async () => {
    const reader = rowReader(test.db);
    const rows = await reader.all('test-products', 'SELECT "slug", "priceCents" FROM "Product" WHERE "slug" IN (?, ?) ORDER BY "slug"', ['pop-up-castle', 'no-such']);
    expect(rows).toEqual([{ slug: 'pop-up-castle', priceCents: expect.any(Number) }]);
  });

  it('refuses a statement name reused for other SQL, instead of running the first statement', async () => {
    const reader = rowReader(test.db);
    await reader.all('test-reused', 'SELECT "slug" FROM "Product" WHERE "slug" = ?', ['pop-up-castle']);
    await expect(reader.all('test-reused', 'SELECT "name" FROM "Product" WHERE "slug" = ?', ['pop-up-castle'])).rejects.toThrow(/other SQL/);
  });

  it('gives DateTime columns back as the stored instant', async () => {
    const product = await test.db.product.findFirstOrThrow({ where: { slug: 'pop-up-castle' } });
    const [row] = await rowReader(test.db).all('test-created', 'SELECT "createdAt" FROM "Product" WHERE "slug" = ?', ['pop-up-castle']);
    expect(dateOf(row.createdAt)).toEqual(product.createdAt);
    expect(dateOf(null)).toBeNull();
  });
});
