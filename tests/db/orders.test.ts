import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { correctDeliveryAddress } from '@/lib/orders/correct-address';
import { markDispatched } from '@/lib/orders/dispatch';
import { resolveOrderPage } from '@/lib/orders/order-page';
import { AddressLocked, AlreadyDispatched } from '@/lib/orders/errors';
import { EmptyCart, UnknownProducts } from '@/lib/checkout/errors';
import { OrderAccessDenied } from '@/lib/order-access/errors';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { seedDemoCatalog } from '@/lib/demo/catalog';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder, TEST_PAY_WITHIN_MS, testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['orders-test-key-0123456789abcdefghijkl'], ORDER_LINK_PURPOSE);
const now = new Date('2026-11-24T10:00:00Z');
const nowSeconds = now.getTime() / 1000;
const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
const customer = {
  email: 'ada@example.com', fullName: 'Ada Lovelace', addressLine1: '12 St James’s Square',
  addressLine2: 'Flat 3', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB',
};
const newAddress = { addressLine1: '1 New Road', addressLine2: '', city: 'Bath', postalCode: 'BA1 1AA', country: 'GB' };
const queryOf = (signedPath: string) => queryPairs(signedPath.split('?')[1]);

describe.each(PROVIDERS_UNDER_TEST)('orders on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  const lines = [{ slug: 'pop-up-castle', quantity: 2 }, { slug: 'printable-card-templates', quantity: 1 }];
  const place = () => placePaidOrder(test.db, lines, customer, ctx);

  it('places an order with priced lines awaiting payment; once paid, a confirmation email carries the absolute signed link', async () => {
    const placed = await placeOrder(test.db, lines, customer, ctx);
    const order = await test.db.order.findUniqueOrThrow({ where: { number: placed.number }, include: { items: true } });
    expect(order.items.map((i) => [i.productName, i.quantity, i.lineTotalCents])).toEqual([
      ['Fairy-tale Castle Pop-up Card', 2, 3200], ['Printable Pop-up Templates (PDF)', 1, 900],
    ]);
    expect(order.totalCents).toBe(3200 + 900 + 490);
    expect(order).toMatchObject({ status: 'awaiting_payment', paymentProvider: 'test', paidCents: 0, paidAt: null });
    expect(await test.db.outboxMessage.count({ where: { orderId: order.id } })).toBe(0);

    const { number, signedPath } = await place();
    const paid = await test.db.order.findUniqueOrThrow({ where: { number } });
    expect(paid).toMatchObject({ status: 'paid', paidCents: paid.totalCents });
    const mail = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: paid.id } });
    expect(mail.recipient).toBe(customer.email);
    expect(mail.text).toContain(`https://shop.example${signedPath}`);
  });

  it('refuses an empty cart or an unknown product and stores nothing', async () => {
    const before = await test.db.order.count();
    await expect(placeOrder(test.db, [], customer, ctx)).rejects.toBeInstanceOf(EmptyCart);
    await expect(placeOrder(test.db, [{ slug: 'no-such-card', quantity: 1 }], customer, ctx)).rejects.toBeInstanceOf(UnknownProducts);
    expect(await test.db.order.count()).toBe(before);
  });

  it('shows each tier only its own fields', async () => {
    const { number, signedPath } = await place();
    const request = { number, query: queryOf(signedPath), sessionOrders: [number], nowSeconds };
    const full = await resolveOrderPage(test.db, request, ring);
    expect(full).toMatchObject({ tier: 'FULL', email: customer.email, address: { city: 'London' }, status: 'paid', canCorrectAddress: true });
    const minimal = await resolveOrderPage(test.db, { ...request, sessionOrders: [] }, ring);
    expect(minimal?.tier).toBe('MINIMAL');
    expect(JSON.stringify(minimal)).not.toMatch(/Ada|example\.com|London|SW1Y/);
    const exists = await resolveOrderPage(test.db, { ...request, query: [] }, ring);
    expect(Object.keys(exists ?? {}).sort()).toEqual(['linkExpired', 'number', 'placedAt', 'tier']);
    expect(await resolveOrderPage(test.db, { ...request, number: '1' }, ring)).toBeNull();
  });

  it('reads back every stored value of each tier exactly: dates to the millisecond, nulls, flags, lines and licenses in order', async () => {
    const { number, signedPath } = await place();
    const order = await test.db.order.update({
      where: { number },
      data: {
        placedAt: new Date('2026-11-24T23:59:59.987Z'), dispatchedAt: new Date('2026-11-25T00:00:00.001Z'), status: 'dispatched',
        company: 'Analytical Engines Ltd', phone: null, recipientName: 'Charles', recipientEmail: 'charles@example.com', giftMessage: null,
        couponCode: 'AUTUMN', discountCents: 150, testMode: true,
      },
      include: { items: { orderBy: { id: 'asc' } }, licenses: { include: { product: true } } },
    });
    const [license] = order.licenses;
    await test.db.license.update({ where: { id: license.id }, data: { downloadLimit: 5, downloadCount: 2, expiresAt: new Date('2027-01-01T12:30:00.250Z') } });
    await test.db.fileSource.upsert({
      where: { productId: license.productId },
      create: { productId: license.productId, kind: 'external', fileName: 'x.pdf', externalUrl: 'https://files.example/x.pdf', updatedAt: now },
      update: { kind: 'external', externalUrl: 'https://files.example/x.pdf' },
    });
    const request = { number, query: queryOf(signedPath), sessionOrders: [number], nowSeconds };
    const summary = {
      number, placedAt: new Date('2026-11-24T23:59:59.987Z'), status: 'dispatched', currency: order.currency,
      payment: { payable: false, byTransfer: false, payBy: new Date(now.getTime() + TEST_PAY_WITHIN_MS), declined: false, refundedCents: 0 },
      items: order.items.map((i) => ({ name: i.productName, quantity: i.quantity, unitPriceCents: i.unitPriceCents, lineTotalCents: i.lineTotalCents, takenBack: false })),
      sections: ['delivery', 'downloads'],
      subtotalCents: order.subtotalCents, discountCents: 150, couponCode: 'AUTUMN', shippingCents: order.shippingCents, totalCents: order.totalCents, testMode: true,
    };
    expect(await resolveOrderPage(test.db, request, ring)).toStrictEqual({
      tier: 'FULL', ...summary,
      email: customer.email, fullName: customer.fullName, company: 'Analytical Engines Ltd', phone: null,
      recipient: { name: 'Charles', email: 'charles@example.com', message: null },
      downloads: [{
        licenseId: license.id, productSlug: 'printable-card-templates', productName: 'Printable Pop-up Templates (PDF)',
        status: 'active', downloadsLeft: 3, expiresAt: new Date('2027-01-01T12:30:00.250Z'), available: true,
      }],
      address: { addressLine1: customer.addressLine1, addressLine2: 'Flat 3', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
      dispatchedAt: new Date('2026-11-25T00:00:00.001Z'), canCorrectAddress: false, paidAt: now, refunds: [],
    });
    expect(await resolveOrderPage(test.db, { ...request, sessionOrders: [] }, ring)).toStrictEqual({ tier: 'MINIMAL', ...summary });
    expect(await resolveOrderPage(test.db, { ...request, query: [] }, ring))
      .toStrictEqual({ tier: 'EXISTS', number, placedAt: new Date('2026-11-24T23:59:59.987Z'), linkExpired: false });
  });

  it('corrects the address only with link and session, keeping the previous value', async () => {
    const { number, signedPath } = await place();
    const request = { number, query: queryOf(signedPath), sessionOrders: [number], address: newAddress };
    await expect(correctDeliveryAddress(test.db, { ...request, sessionOrders: [] }, ring, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    await expect(correctDeliveryAddress(test.db, { ...request, query: [] }, ring, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    await correctDeliveryAddress(test.db, request, ring, now);
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { addressChanges: true } });
    expect(order.city).toBe('Bath');
    expect(order.addressChanges).toHaveLength(1);
    expect(JSON.parse(order.addressChanges[0].previous)).toMatchObject({ addressLine1: customer.addressLine1, city: 'London' });
    expect(order.addressChanges[0].changedAt.toISOString()).toBe(now.toISOString());
  });

  it('locks the address once dispatched and mails the customer once', async () => {
    const { number, signedPath } = await place();
    await markDispatched(test.db, number, ctx);
    await expect(markDispatched(test.db, number, ctx)).rejects.toBeInstanceOf(AlreadyDispatched);
    await expect(correctDeliveryAddress(test.db, {
      number, query: queryOf(signedPath), sessionOrders: [number], address: newAddress,
    }, ring, now)).rejects.toBeInstanceOf(AddressLocked);
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { addressChanges: true } });
    expect(order.city).toBe('London');
    expect(order.addressChanges).toHaveLength(0);
    const mails = await test.db.outboxMessage.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } });
    expect(mails.map((m) => m.kind)).toEqual(['order-confirmation', 'order-dispatched']);
    expect(mails[1].text).toContain(`https://shop.example${signedPath}`);
  });

  it('mails the dispatch to the address the order holds, whichever of correction and dispatch lands first', async () => {
    for (let round = 0; round < 6; round += 1) {
      const { number, signedPath } = await place();
      const [correction] = await Promise.allSettled([
        correctDeliveryAddress(test.db, { number, query: queryOf(signedPath), sessionOrders: [number], address: newAddress }, ring, now),
        markDispatched(test.db, number, ctx),
      ]);
      const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { addressChanges: true } });
      const mail = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, kind: 'order-dispatched' } });
      expect(mail.text).toContain(order.city);
      expect(order.addressChanges).toHaveLength(correction.status === 'fulfilled' ? 1 : 0);
      if (correction.status === 'rejected') expect(correction.reason).toBeInstanceOf(AddressLocked);
    }
  });

  it('seeds the demo catalogue idempotently', async () => {
    const before = await test.db.product.count();
    await seedDemoCatalog(test.db);
    expect(await test.db.product.count()).toBe(before);
    expect(await test.db.product.count({ where: { kind: 'physical' } })).toBeGreaterThanOrEqual(6);
  });
});
