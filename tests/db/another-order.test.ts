// Regression guard: a session that holds *another* order never unlocks this one,
// on the order page, for download tokens, or for address corrections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { correctDeliveryAddress } from '@/lib/orders/correct-address';
import { resolveOrderPage } from '@/lib/orders/order-page';
import { OrderAccessDenied } from '@/lib/order-access/errors';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { issueDownloadToken } from '@/lib/downloads/issue-token';
import { downloadTokenRing } from '@/lib/downloads/token';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder } from '../support/orders';

const keys = ['another-order-test-key-0123456789abcdefgh'];
const ring = deriveKeyRing(keys, ORDER_LINK_PURPOSE);
const now = new Date('2026-11-26T10:00:00Z');
const ctx = { ring, publicUrl: 'https://shop.example', now };
const victim = { email: 'victim@example.com', fullName: 'Vic Tim', addressLine1: '1 Victim Road', addressLine2: '', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };
const attacker = { ...victim, email: 'attacker@example.com', fullName: 'At Tacker', addressLine1: '2 Attacker Road' };
const newAddress = { addressLine1: '9 Diverted Lane', addressLine2: '', city: 'Hull', postalCode: 'HU1 1AA', country: 'GB' };

describe.each(PROVIDERS_UNDER_TEST)('a session holding another order (%s)', (provider) => {
  let test: TestDatabase;
  let theirs: { number: string; query: [string, string][] };
  let mine: { number: string };
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    const placed = await placePaidOrder(test.db, [{ slug: 'printable-card-templates', quantity: 1 }, { slug: 'pop-up-castle', quantity: 1 }], victim, ctx);
    theirs = { number: placed.number, query: queryPairs(placed.signedPath.split('?')[1]) };
    mine = await placePaidOrder(test.db, [{ slug: 'pop-up-castle', quantity: 1 }], attacker, ctx);
  });
  afterAll(async () => test?.close());

  it('the victim\'s signed link with the attacker\'s session shows MINIMAL, without personal data', async () => {
    const view = await resolveOrderPage(test.db, {
      number: theirs.number, query: theirs.query, sessionOrders: [mine.number], nowSeconds: now.getTime() / 1000,
    }, ring);
    expect(view?.tier).toBe('MINIMAL');
    expect(JSON.stringify(view)).not.toMatch(/victim|Vic Tim|Victim Road|Leeds/);
    // The control: the victim's own session does get FULL, so the check above can fail.
    const own = await resolveOrderPage(test.db, { number: theirs.number, query: theirs.query, sessionOrders: [theirs.number], nowSeconds: now.getTime() / 1000 }, ring);
    expect(own?.tier).toBe('FULL');
  });

  it('mints no download token for the victim\'s license', async () => {
    const license = await test.db.license.findFirstOrThrow({ where: { order: { number: theirs.number } } });
    const request = { orderNumber: theirs.number, orderLinkQuery: theirs.query, licenseId: license.id, productSlug: 'printable-card-templates' };
    const rings = { orders: ring, downloads: downloadTokenRing(keys) };
    await expect(issueDownloadToken(test.db, { ...request, sessionOrders: [mine.number] }, rings, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    await expect(issueDownloadToken(test.db, { ...request, sessionOrders: [theirs.number] }, rings, now)).resolves.toHaveProperty('token');
  });

  it('cannot divert the victim\'s delivery address', async () => {
    await expect(correctDeliveryAddress(test.db, {
      number: theirs.number, query: theirs.query, sessionOrders: [mine.number], address: newAddress,
    }, ring, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    expect((await test.db.order.findUniqueOrThrow({ where: { number: theirs.number } })).city).toBe('Leeds');
  });
});
