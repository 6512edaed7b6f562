// The checkout use case from a submitted form: an address only when a line is shipped, refusals
// before anything is written (the rate limit is not spent on a bad form), the cart's currency,
// and the delivery country's: a posted order is priced in the currency of the country it goes to,
// with that currency's shipping, and when the page showed another, the shopper confirms first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { InputInvalid } from '@/lib/errors';
import { checkout, type CheckoutOutcome, type CheckoutSubmission } from '@/lib/checkout/submit';
import { priceOrder, pricingCurrency } from '@/lib/checkout/pricing';
import { CountryNotSold, EmptyCart } from '@/lib/checkout/errors';
import { shippingIn } from '@/lib/catalog/products';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { correctDeliveryAddress } from '@/lib/orders/correct-address';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['checkout-submit-test-key-0123456789abcdef'], ORDER_LINK_PURPOSE);
const now = new Date('2026-12-01T10:00:00Z');
const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
const contact = { email: 'ada@example.com', fullName: 'Ada Lovelace', coupon: '' };
const address = { addressLine1: '12 St James Sq', addressLine2: '', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };
const berlin = { addressLine1: 'Unter den Linden 1', addressLine2: '', city: 'Berlin', postalCode: '10117', country: 'DE' };
const card = [{ slug: 'pop-up-castle', quantity: 2 }];
const digital = [{ slug: 'printable-card-templates', quantity: 1 }];
const submission = (cart: CheckoutSubmission['cart'], typed: Record<string, string>, currencies: Partial<CheckoutSubmission> = {}): CheckoutSubmission =>
  ({ draft: null, cart, typed, quantities: [], currency: 'GBP', language: 'en', ...currencies });

function placed(outcome: CheckoutOutcome) {
  if (outcome.kind !== 'placed') throw new Error(`expected an order, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('the currency an order is priced in', () => {
  it('is the delivery country\'s when one is given, else the terms\' own, else euros', () => {
    expect(pricingCurrency({ currency: 'GBP', deliveryCountry: 'DE' })).toBe('EUR');
    expect(pricingCurrency({ currency: 'EUR', deliveryCountry: 'GB' })).toBe('GBP');
    expect(pricingCurrency({ deliveryCountry: 'US' })).toBe('USD');
    expect(pricingCurrency({ currency: 'USD' })).toBe('USD');
    expect(pricingCurrency({})).toBe('EUR');
    expect(() => pricingCurrency({ currency: 'EUR', deliveryCountry: 'BR' })).toThrow(CountryNotSold);
  });
});

describe.each(PROVIDERS_UNDER_TEST)('checkout from a form on %s', (provider) => {
  let test: TestDatabase;
  let admitted = 0;
  const admit = async () => { admitted += 1; };
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  it('asks for an address only when a line is shipped, and spends the limit only on a valid form', async () => {
    admitted = 0;
    const refused = await checkout(test.db, submission(card, contact), ctx, admit).catch((error) => error);
    expect(refused).toBeInstanceOf(InputInvalid);
    expect(Object.keys(refused.fields).sort()).toEqual(['addressLine1', 'city', 'country', 'postalCode']);
    expect(admitted).toBe(0);
    expect(await test.db.order.count()).toBe(0);

    const downloads = placed(await checkout(test.db, submission(digital, contact), ctx, admit));
    const shipped = placed(await checkout(test.db, submission(card, { ...contact, ...address }), ctx, admit));
    expect(admitted).toBe(2);
    const orders = await test.db.order.findMany({ where: { number: { in: [downloads.number, shipped.number] } }, orderBy: { shippingCents: 'asc' } });
    expect(orders.map((o) => [o.currency, o.shippingCents > 0, o.city])).toEqual([['GBP', false, ''], ['GBP', true, 'London']]);
  });

  it('prices a posted order in its delivery country\'s currency with that shipping, and asks first when the page showed another', async () => {
    admitted = 0;
    const before = await test.db.order.count();
    // The shopper chose the UK (prices in pounds) and sends the cards to Germany.
    const fromUk = submission(card, { ...contact, ...berlin }, { currency: 'GBP', shownCurrency: 'GBP' });
    const repriced = await checkout(test.db, fromUk, ctx, admit);
    const inEuros = await priceOrder(test.db, card, { currency: 'EUR' }, now);
    expect(repriced).toEqual({
      kind: 'repriced', country: 'DE',
      totals: { subtotalCents: inEuros.subtotalCents, discountCents: 0, shippingCents: await shippingIn(test.db, 'EUR'), totalCents: inEuros.totalCents, currency: 'EUR' },
    });
    expect(admitted).toBe(0);
    expect(await test.db.order.count()).toBe(before);

    // A forged "shown" currency changes nothing: the order is never placed in pounds for Germany.
    expect((await checkout(test.db, { ...fromUk, shownCurrency: 'GBP', currency: 'EUR' }, ctx, admit)).kind).toBe('repriced');

    // The page now shows euros (even if the session still said pounds): placing again confirms the new total.
    const confirmed = placed(await checkout(test.db, { ...fromUk, shownCurrency: 'EUR' }, ctx, admit));
    const order = await test.db.order.findUniqueOrThrow({ where: { number: confirmed.number } });
    expect(order).toMatchObject({ currency: 'EUR', shippingCents: await shippingIn(test.db, 'EUR'), totalCents: inEuros.totalCents, country: 'DE' });
    expect(admitted).toBe(1);
  });

  it('charges an order with nothing to post in the shopper\'s currency, and asks first when the page showed another', async () => {
    const before = await test.db.order.count();
    const stale = await checkout(test.db, submission(digital, contact, { currency: 'USD', shownCurrency: 'EUR' }), ctx, admit);
    expect(stale).toMatchObject({ kind: 'repriced', country: null, totals: { currency: 'USD', shippingCents: 0 } });
    expect(await test.db.order.count()).toBe(before);
    const { number } = placed(await checkout(test.db, submission(digital, contact, { currency: 'USD', shownCurrency: 'USD' }), ctx, admit));
    expect(await test.db.order.findUniqueOrThrow({ where: { number } })).toMatchObject({ currency: 'USD', shippingCents: 0, country: '' });
  });

  it('lets a correction send the order only where it pays in the same currency', async () => {
    const { number, signedPath } = placed(await checkout(test.db, submission(card, { ...contact, ...address }, { currency: 'GBP' }), ctx, admit));
    const correct = (to: typeof address) => correctDeliveryAddress(test.db, { number, query: queryPairs(signedPath.split('?')[1]), sessionOrders: [number], address: to }, ring, now);
    const refused = await correct(berlin).catch((error) => error);
    expect(refused).toBeInstanceOf(InputInvalid);
    expect(refused.fields).toEqual({ country: { reason: 'countryOtherCurrency', params: { currency: 'GBP' } } });
    await correct({ ...address, addressLine1: '1 Other Street' });
    expect(await test.db.order.findUniqueOrThrow({ where: { number } })).toMatchObject({ addressLine1: '1 Other Street', country: 'GB', currency: 'GBP' });
  });

  it('refuses an empty cart before pricing it in another currency', async () => {
    await expect(checkout(test.db, submission([], { ...contact, ...berlin }, { currency: 'GBP', shownCurrency: 'EUR' }), ctx, admit)).rejects.toBeInstanceOf(EmptyCart);
  });
});
