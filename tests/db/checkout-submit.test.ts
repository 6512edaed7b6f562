// The checkout use case from a submitted form: an address only when a line is shipped, refusals
// before anything is written (the rate limit is not spent on a bad form), the cart's currency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { InputInvalid } from '@/lib/errors';
import { checkout, type CheckoutSubmission } from '@/lib/checkout/submit';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['checkout-submit-test-key-0123456789abcdef'], ORDER_LINK_PURPOSE);
const now = new Date('2026-12-01T10:00:00Z');
const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
const contact = { email: 'ada@example.com', fullName: 'Ada Lovelace', coupon: '' };
const address = { addressLine1: '12 St James Sq', addressLine2: '', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };
const submission = (cart: CheckoutSubmission['cart'], typed: Record<string, string>): CheckoutSubmission =>
  ({ draft: null, cart, typed, quantities: [], currency: 'GBP', language: 'en' });

describe.each(PROVIDERS_UNDER_TEST)('checkout from a form on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  it('asks for an address only when a line is shipped, and spends the limit only on a valid form', async () => {
    let admitted = 0;
    const admit = async () => { admitted += 1; };
    const card = [{ slug: 'pop-up-castle', quantity: 1 }];
    const refused = await checkout(test.db, submission(card, contact), ctx, admit).catch((error) => error);
    expect(refused).toBeInstanceOf(InputInvalid);
    expect(Object.keys(refused.fields).sort()).toEqual(['addressLine1', 'city', 'country', 'postalCode']);
    expect(admitted).toBe(0);
    expect(await test.db.order.count()).toBe(0);

    const digital = await checkout(test.db, submission([{ slug: 'printable-card-templates', quantity: 1 }], contact), ctx, admit);
    const shipped = await checkout(test.db, submission(card, { ...contact, ...address }), ctx, admit);
    expect(admitted).toBe(2);
    const orders = await test.db.order.findMany({ where: { number: { in: [digital.number, shipped.number] } }, orderBy: { shippingCents: 'asc' } });
    expect(orders.map((o) => [o.currency, o.shippingCents > 0, o.city])).toEqual([['GBP', false, ''], ['GBP', true, 'London']]);
  });
});
