// Generated payloads (all schema-valid, as the decoder hands them over) thrown at draft creation
// and pricing: each becomes a draft that prices, or a typed refusal that maps to a 4xx. Never a 500.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCheckoutDraft, draftLines, draftTerms, type OpenedCheckout } from '@/lib/checkout/draft';
import { placeOrder } from '@/lib/checkout/place-order';
import { priceOrder } from '@/lib/checkout/pricing';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { publicError } from '@/lib/http/errors';
import { createIntegration } from '@/lib/integrations';
import { createCoupon } from '@/lib/coupons/admin';
import { checkoutPayloadSchema } from '@/lib/secure-payload/schema';
import { DEMO_PRODUCTS } from '@/lib/demo/products';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';

const RUNS = 200;
const now = new Date('2026-11-24T10:00:00Z');
const ctx = testOrderContext({ ring: deriveKeyRing(['fuzz-test-key-0123456789abcdefghijklmnop'], ORDER_LINK_PURPOSE), publicUrl: 'https://shop.example', now });
const customer = { email: 'f@example.com', fullName: 'F Uzz', addressLine1: '1 Road', addressLine2: '', city: 'Bath', postalCode: 'BA1 1AA', country: 'GB' };
const currency = fc.constantFrom('EUR', 'GBP', 'USD', 'JPY', 'CHF');
// Up to the schema's limit, and often large, so 99 of them can overflow what an order holds.
const price = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000_000 })).map((cents) => cents / 100);
const item = fc.record({
  product: fc.oneof(fc.constantFrom(...DEMO_PRODUCTS.map((p) => p.slug)), fc.stringMatching(/^[a-z0-9-]{1,20}$/)),
  quantity: fc.integer({ min: 1, max: 99 }),
  pricing: fc.option(fc.record({
    price: fc.option(fc.dictionary(currency, price, { minKeys: 1, maxKeys: 3 }), { nil: undefined }),
    quantityBehavior: fc.option(fc.constantFrom('allow', 'lock', 'hide'), { nil: undefined }),
  }, { requiredKeys: [] }), { nil: undefined }),
}, { requiredKeys: ['product', 'quantity'] });
const country = fc.oneof(fc.constantFrom('DE', 'GB', 'US', 'CA', 'JP', 'FR', 'ZZ', 'BR'), fc.stringMatching(/^[A-Z]{2}$/));
const payload = fc.record({
  items: fc.option(fc.array(item, { minLength: 1, maxLength: 5 }), { nil: undefined }),
  coupon: fc.option(fc.constantFrom('FUZZ10', 'FUZZFIXED', 'fuzz10', 'NOPE'), { nil: undefined }),
  country: fc.option(country, { nil: undefined }),
  language: fc.option(fc.constantFrom('de', 'en', 'fr', 'DE'), { nil: undefined }),
}, { requiredKeys: [] });

describe.each(PROVIDERS_UNDER_TEST)('fuzzing checkout drafts on %s', (provider) => {
  let test: TestDatabase;
  let integration: OpenedCheckout['integration'];
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    integration = { ...(await createIntegration(test.db, { name: 'Fuzz', mode: 'test' }, now)), mode: 'test' };
    await createCoupon(test.db, { code: 'FUZZ10', kind: 'percent', percentOff: 10, amounts: {} }, now);
    await createCoupon(test.db, { code: 'FUZZFIXED', kind: 'fixed', amounts: { GBP: 500 } }, now);
  });
  afterAll(async () => { await test?.close(); });

  it(`turns ${RUNS} generated payloads into a priced draft or a 4xx`, async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const outcomes = { drafts: 0, refusals: 0 };
    try {
      await fc.assert(fc.asyncProperty(payload, async (generated) => {
        const parsed = checkoutPayloadSchema.parse(generated);
        try {
          const draft = await createCheckoutDraft(test.db, { integration, format: 'plain', payload: parsed }, now);
          const lines = draftLines(draft, [{ slug: 'pop-up-castle', quantity: 1 }]);
          const priced = await priceOrder(test.db, lines, draftTerms(draft), now);
          expect(priced.missing).toEqual([]);
          expect(priced.totalCents).toBe(priced.subtotalCents - priced.discountCents + priced.shippingCents);
          expect(priced.discountCents).toBeGreaterThanOrEqual(0);
          const { number } = await placeOrder(test.db, lines, customer, ctx, draftTerms(draft));
          expect(await test.db.order.findUniqueOrThrow({ where: { number } })).toMatchObject({ totalCents: priced.totalCents, currency: draft.currency, testMode: true });
          outcomes.drafts += 1;
        } catch (error) {
          const refusal = publicError(error, 'fuzz');
          expect(refusal.status, String(error)).toBeGreaterThanOrEqual(400);
          expect(refusal.status, String(error)).toBeLessThan(500);
          outcomes.refusals += 1;
        }
      }), { numRuns: RUNS });
    } finally {
      warn.mockRestore();
    }
    // Both sides were exercised, so the property could fail either way.
    expect(outcomes.drafts).toBeGreaterThan(RUNS / 20);
    expect(outcomes.refusals).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});
