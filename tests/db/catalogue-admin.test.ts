// An admin edits any product, whatever its kind: texts, a price per currency and whether the shop
// sells it. Refused input is said in words per field and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputInvalid } from '@/lib/errors';
import { parseInput } from '@/lib/forms';
import { productFormSchema, ProductNotFound, updateProduct } from '@/lib/catalog/admin';
import { productsPricedIn } from '@/lib/catalog/products';
import { refusalOf } from '../support/words';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

/** The form as the browser sends it: every field a string, the checkbox "on" or "". */
const form = (fields: Partial<Record<string, string>> = {}) => ({
  name: 'Castle', summary: 'Towers.', description: 'Fourteen layers.', active: 'on', EUR: '16.00', GBP: '13.80', USD: '17.30', ...fields,
});

describe('the product form', () => {
  it('takes prices in major units, a currency left empty meaning "not sold in it"', () => {
    expect(parseInput(productFormSchema, form({ EUR: ' 17,5 ', GBP: '', USD: '19' }))).toEqual({
      name: 'Castle', summary: 'Towers.', description: 'Fourteen layers.', active: true, prices: { EUR: 1750, USD: 1900 },
    });
    expect(parseInput(productFormSchema, form({ active: '' })).active).toBe(false);
  });

  it('says in words what is wrong with each field, never a zod path or "Invalid input"', () => {
    const refused = refusalOf(() => parseInput(productFormSchema, form({ name: ' ', summary: 'x'.repeat(501), EUR: 'twelve', GBP: '-3', USD: '0' })));
    expect(refused.fields).toEqual({
      name: 'Name is required.',
      summary: 'Summary is too long (at most 500 characters).',
      EUR: 'Enter a EUR price like 12 or 12.50.',
      GBP: 'Enter a GBP price like 12 or 12.50.',
      USD: 'Enter a USD price like 12 or 12.50.',
    });
    expect(refusalOf(() => parseInput(productFormSchema, form({ EUR: '', GBP: '', USD: '' }))).fields)
      .toEqual({ EUR: 'Enter a price in at least one currency.' });
    // A form missing fields altogether (not sent by the page) is still refused in words.
    const bare = refusalOf(() => parseInput(productFormSchema, {})).fields ?? {};
    for (const words of Object.values(bare)) expect(words).not.toMatch(/invalid input|expected|received|^\w+:/i);
  });

  it('says it in German too', () => {
    expect(refusalOf(() => parseInput(productFormSchema, form({ name: '', EUR: 'x' })), 'de').fields)
      .toEqual({ name: 'Name ist erforderlich.', EUR: 'Geben Sie einen Preis in EUR ein, etwa 12 oder 12,50.' });
  });
});

describe.each(PROVIDERS_UNDER_TEST)('updating a product on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  const stored = (slug: string) => test.db.product.findUniqueOrThrow({ where: { slug }, include: { prices: { orderBy: { currency: 'asc' } } } });
  const priced = async (slug: string, currency: 'EUR' | 'GBP' | 'USD') => (await productsPricedIn(test.db, currency, [slug]))[0];

  it('edits a physical product: texts, prices per currency and the active flag', async () => {
    await updateProduct(test.db, 'pop-up-castle', parseInput(productFormSchema, form({
      name: 'Fairy-tale Castle (large)', EUR: '18.50', GBP: '', USD: '19.90',
    })));
    const castle = await stored('pop-up-castle');
    expect(castle).toMatchObject({ name: 'Fairy-tale Castle (large)', summary: 'Towers.', description: 'Fourteen layers.', active: true, priceCents: 1850, currency: 'EUR' });
    expect(castle.prices.map(({ currency, priceCents }) => ({ currency, priceCents }))).toEqual([{ currency: 'EUR', priceCents: 1850 }, { currency: 'USD', priceCents: 1990 }]);
    // The shop reads the same: sold in euros and dollars at the new prices, no longer in pounds.
    expect(await priced('pop-up-castle', 'EUR')).toMatchObject({ name: 'Fairy-tale Castle (large)', priceCents: 1850 });
    expect(await priced('pop-up-castle', 'GBP')).toBeUndefined();

    await updateProduct(test.db, 'pop-up-castle', parseInput(productFormSchema, form({ active: '' })));
    expect((await stored('pop-up-castle')).active).toBe(false);
    expect(await priced('pop-up-castle', 'EUR')).toBeUndefined();
  });

  it('edits every kind the same way', async () => {
    for (const slug of ['printable-card-templates', 'article-how-pop-ups-work', 'studio-pass']) {
      await updateProduct(test.db, slug, parseInput(productFormSchema, form({ name: `Renamed ${slug}`, GBP: '2.00' })));
      expect(await priced(slug, 'GBP')).toMatchObject({ name: `Renamed ${slug}`, priceCents: 200 });
    }
  });

  it('changes nothing for refused input or an unknown product', async () => {
    const before = await stored('pop-up-sailing-ship');
    expect(() => updateProduct(test.db, 'pop-up-sailing-ship', parseInput(productFormSchema, form({ name: '', EUR: 'free' })))).toThrow(InputInvalid);
    await expect(updateProduct(test.db, 'no-such-card', parseInput(productFormSchema, form()))).rejects.toBeInstanceOf(ProductNotFound);
    expect(await stored('pop-up-sailing-ship')).toEqual(before);
  });
});
