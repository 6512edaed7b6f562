import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { resolveOrderPage } from '@/lib/orders/order-page';
import { markDispatched } from '@/lib/orders/dispatch';
import { createCheckoutDraft, draftLines, draftTerms, loadCheckoutDraft, lockedCheckoutFields, type OpenedCheckout } from '@/lib/checkout/draft';
import { CountryNotSold, CustomPriceMissing, DraftGone, DuplicateItem, ProductNotSold } from '@/lib/checkout/errors';
import { CouponUnknown } from '@/lib/coupons/errors';
import { checkoutSchema } from '@/lib/checkout/customer-input';
import { accountByCustomKey, accountByStoreId, AccountNotFound, ordersOfAccount } from '@/lib/accounts/accounts';
import type { CheckoutPayload } from '@/lib/secure-payload/schema';
import { createIntegration } from '@/lib/integrations';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder, testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['drafts-test-key-0123456789abcdefghijklm'], ORDER_LINK_PURPOSE);
const now = new Date('2026-11-24T10:00:00Z');
const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
let live: OpenedCheckout['integration'];
let other: OpenedCheckout['integration'];
const opened = (payload: CheckoutPayload, integration = live): OpenedCheckout => ({ integration, format: 'v1', payload });

const giftPayload: CheckoutPayload = {
  contact: { email: 'buyer@example.com', firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Ltd', phone: '+44 20 7946 0000', accountCustomKey: 'crm-42' },
  recipient: { name: 'Charles Babbage', email: 'charles@example.com', message: 'Happy birthday!',
    address: { addressLine1: '1 Dorset Street', city: 'London', postalCode: 'W1U 4EG', country: 'GB' } },
  items: [
    { product: 'pop-up-castle', quantity: 2, pricing: { price: { USD: 14, EUR: 12.5 }, quantityBehavior: 'lock' } },
    { product: 'printable-card-templates', quantity: 1 },
  ],
  country: 'US',
  language: 'de',
};

/** What the checkout action does with a draft: locked fields win over whatever the browser sent. */
const customerFor = (payload: CheckoutPayload, form: Record<string, string> = {}) =>
  checkoutSchema.parse({ email: '', fullName: '', company: '', phone: '', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '', ...form, ...lockedCheckoutFields(payload) });

describe.each(PROVIDERS_UNDER_TEST)('checkout drafts on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    live = { ...(await createIntegration(test.db, { name: 'Partner', mode: 'live' }, now)), mode: 'live' };
    other = { ...(await createIntegration(test.db, { name: 'Another merchant', mode: 'live' }, now)), mode: 'live' };
  });
  afterAll(async () => { await test?.close(); });
  const drafts = () => test.db.checkoutDraft.count();

  it('places exactly the draft: custom USD price, locked quantity, buyer and recipient kept apart, account linked', async () => {
    const draft = await createCheckoutDraft(test.db, opened(giftPayload), now);
    expect(draft).toMatchObject({ currency: 'USD', locale: 'de', testMode: false });
    const loaded = (await loadCheckoutDraft(test.db, draft.id, now))!;
    // The browser asks for 7 castles and sends another email and address: locked, so ignored.
    const lines = draftLines(loaded, [], new Map([['pop-up-castle', 7], ['printable-card-templates', 3]]));
    const forged = { email: 'mallory@example.com', fullName: 'Mallory', addressLine1: 'Elsewhere 1', city: 'Paris', postalCode: '75001', country: 'FR' };
    const { number, signedPath } = await placePaidOrder(test.db, lines, customerFor(loaded.payload, forged), ctx, draftTerms(loaded));
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { items: { orderBy: { id: 'asc' } } } });
    // The payload's language is German: the lines keep the German names they were ordered under.
    expect(order.items.map((i) => [i.productName, i.quantity, i.unitPriceCents])).toEqual([
      ['Pop-up-Karte Märchenschloss', 2, 1400], ['Pop-up-Vorlagen zum Ausdrucken (PDF)', 3, 970],
    ]);
    expect(order).toMatchObject({
      currency: 'USD', language: 'de', testMode: false, integrationId: live.id,
      email: 'buyer@example.com', fullName: 'Ada Lovelace', company: 'Analytical Ltd', phone: '+44 20 7946 0000',
      recipientName: 'Charles Babbage', recipientEmail: 'charles@example.com', giftMessage: 'Happy birthday!',
      addressLine1: '1 Dorset Street', city: 'London', country: 'GB', shippingCents: 550, totalCents: 2800 + 2910 + 550,
    });
    const confirmation = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id } });
    expect(confirmation).toMatchObject({ recipient: 'buyer@example.com', subject: `Ihre Bestellung Nr. ${number} ist bestätigt` });
    expect(confirmation.text).toMatch(/\(62,60\s\$\)/);
    // The parcel, and the dispatch email, go to the recipient.
    await markDispatched(test.db, number, ctx);
    const dispatch = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, kind: 'order-dispatched' } });
    expect(dispatch.recipient).toBe('charles@example.com');
    expect(dispatch.text).toContain('1 Dorset Street');
    expect(dispatch.text).toContain('Happy birthday!');
    expect(dispatch.text).not.toMatch(/\$|signature=/); // neither what it cost nor the buyer's order link
    // The recipient is personal data: FULL shows it, MINIMAL does not.
    const request = { number, query: queryPairs(signedPath.split('?')[1]), sessionOrders: [number], nowSeconds: now.getTime() / 1000 };
    expect(await resolveOrderPage(test.db, request, ring)).toMatchObject({ tier: 'FULL', recipient: { name: 'Charles Babbage', email: 'charles@example.com' } });
    expect(JSON.stringify(await resolveOrderPage(test.db, { ...request, sessionOrders: [] }, ring))).not.toMatch(/Charles|Dorset|Happy birthday|charles@/);
    // The account: created on first reference, reachable only through its own integration.
    const account = await test.db.account.findUniqueOrThrow({ where: { id: order.accountId! } });
    expect(account).toMatchObject({ integrationId: live.id, customKey: 'crm-42' });
    expect(account.storeId).toMatch(/^[A-Z2-9]{16}$/);
    expect((await ordersOfAccount(test.db, account.id)).map((o) => o.number)).toEqual([number]);
    await expect(accountByStoreId(test.db, other.id, account.storeId)).rejects.toBeInstanceOf(AccountNotFound);
    expect((await accountByStoreId(test.db, live.id, account.storeId)).id).toBe(account.id);
    // The same merchant key at another integration is another customer.
    expect((await accountByCustomKey(test.db, other.id, 'crm-42', now)).id).not.toBe(account.id);
    expect((await accountByCustomKey(test.db, live.id, 'crm-42', now)).id).toBe(account.id);
  });

  it('is used once: a second order from the same draft, or an expired draft, is refused', async () => {
    const draft = await createCheckoutDraft(test.db, opened({ items: [{ product: 'pop-up-castle', quantity: 1 }] }), now);
    const customer = customerFor({}, { email: 'a@example.com', fullName: 'A B', addressLine1: '1 Road', city: 'Bath', postalCode: 'BA1 1AA', country: 'GB' });
    const loaded = (await loadCheckoutDraft(test.db, draft.id, now))!;
    const place = () => placeOrder(test.db, draftLines(loaded, []), customer, ctx, draftTerms(loaded));
    const both = await Promise.allSettled([place(), place()]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(both.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toBeInstanceOf(DraftGone);
    expect(await loadCheckoutDraft(test.db, draft.id, now)).toBeNull();
    const later = await createCheckoutDraft(test.db, opened({ items: [{ product: 'pop-up-castle', quantity: 1 }] }), now);
    expect(await loadCheckoutDraft(test.db, later.id, new Date(later.expiresAt.getTime() - 1))).not.toBeNull();
    expect(await loadCheckoutDraft(test.db, later.id, later.expiresAt)).toBeNull();
    expect(await loadCheckoutDraft(test.db, 'no-such-draft', now)).toBeNull();
  });

  it('marks drafts of a test-mode integration as TEST', async () => {
    const draft = await createCheckoutDraft(test.db, opened({ items: [{ product: 'svg-cut-files', quantity: 1, pricing: { price: { EUR: 1 } } }] }, { ...live, mode: 'test' }), now);
    const loaded = (await loadCheckoutDraft(test.db, draft.id, now))!;
    const customer = customerFor({}, { email: 't@example.com', fullName: 'T T', addressLine1: '1 Road', city: 'Berlin', postalCode: '10115', country: 'DE' });
    const { number } = await placePaidOrder(test.db, draftLines(loaded, []), customer, ctx, draftTerms(loaded));
    const order = await test.db.order.findUniqueOrThrow({ where: { number } });
    expect(order).toMatchObject({ testMode: true, currency: 'EUR', totalCents: 100 });
    expect((await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id } })).subject).toMatch(/^\[TEST\] /);
  });

  it('refuses what it cannot honour and stores nothing', async () => {
    const before = { drafts: await drafts(), accounts: await test.db.account.count() };
    const item = { product: 'pop-up-castle', quantity: 1 };
    const cases: [CheckoutPayload, new (...args: never[]) => Error][] = [
      [{ items: [{ ...item, pricing: { price: { EUR: 12 } } }], country: 'US' }, CustomPriceMissing],
      [{ items: [{ product: 'no-such-card', quantity: 1 }] }, ProductNotSold],
      [{ items: [item, item] }, DuplicateItem],
      [{ items: [item], country: 'ZZ' }, CountryNotSold],
      [{ items: [item], coupon: 'NO-SUCH-COUPON', contact: { ...giftPayload.contact!, accountCustomKey: 'never-created' } }, CouponUnknown],
    ];
    for (const [payload, error] of cases) await expect(createCheckoutDraft(test.db, opened(payload), now)).rejects.toBeInstanceOf(error);
    expect({ drafts: await drafts(), accounts: await test.db.account.count() }).toEqual(before);
    // The near miss: the price in the order's currency among others is fine.
    await expect(createCheckoutDraft(test.db, opened({ items: [{ ...item, pricing: { price: { EUR: 12, USD: 13 } } }], country: 'US' }), now)).resolves.toHaveProperty('id');
  });
});
