// The checkout side of secure payloads, from docs/specs/checkout-entry.vectors.json.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutDraft, draftLines, draftTerms, type OpenedCheckout } from '@/lib/checkout/draft';
import { priceOrder } from '@/lib/checkout/pricing';
import { publicError } from '@/lib/http/errors';
import { createIntegration } from '@/lib/integrations';
import { checkoutPayloadSchema } from '@/lib/secure-payload/schema';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

interface Vectors {
  valid: { name: string; payload: unknown; expect: { currency: string; locale: string; lines: [string, number, number][]; subtotalCents: number; shippingCents: number; totalCents: number } }[];
  invalid: { name: string; payload: unknown; error: string; status: number }[];
}
const vectors = JSON.parse(readFileSync('docs/specs/checkout-entry.vectors.json', 'utf8')) as Vectors;
const now = new Date('2026-11-24T10:00:00Z');

describe.each(PROVIDERS_UNDER_TEST)('checkout entry vectors on %s', (provider) => {
  let test: TestDatabase;
  let integration: OpenedCheckout['integration'];
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    integration = { ...(await createIntegration(test.db, { name: 'Vectors', mode: 'live' }, now)), mode: 'live' };
  });
  afterAll(async () => { await test?.close(); });
  const open = (payload: unknown): OpenedCheckout => ({ integration, format: 'v1', payload: checkoutPayloadSchema.parse(payload) });

  it.each(vectors.valid.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    const draft = await createCheckoutDraft(test.db, open(vector.payload), now);
    expect({ currency: draft.currency, locale: draft.locale }).toEqual({ currency: vector.expect.currency, locale: vector.expect.locale });
    const priced = await priceOrder(test.db, draftLines(draft, []), draftTerms(draft), now);
    expect(priced.lines.map((l) => [l.product.slug, l.quantity, l.product.priceCents])).toEqual(vector.expect.lines);
    expect({ subtotalCents: priced.subtotalCents, shippingCents: priced.shippingCents, totalCents: priced.totalCents })
      .toEqual({ subtotalCents: vector.expect.subtotalCents, shippingCents: vector.expect.shippingCents, totalCents: vector.expect.totalCents });
  });

  it.each(vectors.invalid.map((v) => [v.name, v] as const))('refuses: %s', async (_name, vector) => {
    const before = await test.db.checkoutDraft.count();
    const error = await createCheckoutDraft(test.db, open(vector.payload), now).then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    expect(publicError(error, 'vectors')).toMatchObject({ code: vector.error, status: vector.status });
    expect(await test.db.checkoutDraft.count()).toBe(before);
  });
});
