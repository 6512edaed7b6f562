// The order's life as one table (lib/order-states): every stored status has its row, the ends
// go nowhere, and moveOrder is the one way a status changes: refused outside the table, atomic
// against a concurrent move, and recorded as one OrderEvent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { moveOrder } from '@/lib/order-states/move';
import { TransitionNotAllowed } from '@/lib/order-states/errors';
import { canMove, ORDER_LIFE, ORDER_STATUSES, PAYABLE_STATUSES, REFUNDABLE_STATUSES, type OrderStatus } from '@/lib/order-states/states';
import { OrderStatus as StoredStatus } from '@/lib/db/generated/postgres/enums';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';

const ring = deriveKeyRing(['order-states-test-key-0123456789abcdefg'], ORDER_LINK_PURPOSE);
const now = new Date('2026-12-06T10:00:00Z');
const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
const customer = { email: 'eve@example.com', fullName: 'Eve Event', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };
const TERMINAL: OrderStatus[] = ['refunded', 'cancelled'];

describe('the order states table', () => {
  it('has a row for every status either database stores, and names only known statuses as next', () => {
    expect([...ORDER_STATUSES].sort()).toEqual(Object.values(StoredStatus).sort());
    expect(Object.keys(ORDER_LIFE).sort()).toEqual([...ORDER_STATUSES].sort());
    for (const status of ORDER_STATUSES) {
      for (const next of ORDER_LIFE[status].next) expect(ORDER_STATUSES, `${status} → ${next}`).toContain(next);
    }
  });

  it('lets the terminal statuses go nowhere, and every other status somewhere', () => {
    for (const status of ORDER_STATUSES) {
      const ends = ORDER_STATUSES.filter((to) => canMove(status, to));
      if (TERMINAL.includes(status)) expect(ends, status).toEqual([]);
      else expect(ends.length, status).toBeGreaterThan(0);
    }
  });

  it('grants nothing before paid: only a paid status may be refunded, and only an unpaid one paid for', () => {
    expect([...PAYABLE_STATUSES].sort()).toEqual(['awaiting_payment', 'payment_failed']);
    expect([...REFUNDABLE_STATUSES].sort()).toEqual(['dispatched', 'paid', 'partially_refunded']);
    for (const status of ORDER_STATUSES) expect(ORDER_LIFE[status].payable && ORDER_LIFE[status].paid, status).toBe(false);
    expect(canMove('awaiting_payment', 'dispatched')).toBe(false);
    expect(canMove('refunded', 'paid')).toBe(false);
    expect(canMove('expired', 'paid')).toBe(true); // a late payment counts
  });
});

describe.each(PROVIDERS_UNDER_TEST)('moving an order on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  async function placed() {
    const { number } = await placeOrder(test.db, [{ slug: 'printable-card-templates', quantity: 1 }], customer, ctx);
    return test.db.order.findUniqueOrThrow({ where: { number } });
  }
  const eventsOf = (orderId: number) => test.db.orderEvent.findMany({ where: { orderId }, orderBy: { id: 'asc' } });
  const move = (orderId: number, to: OrderStatus, reason = 'test') =>
    test.db.$transaction((tx) => moveOrder(tx, orderId, to, { actor: 'admin', reason, at: now }));

  it('records the placing, then every move as one event: from, to, actor, reason, time and amount', async () => {
    const order = await placed();
    const later = new Date(now.getTime() + 1234);
    const from = await test.db.$transaction((tx) => moveOrder(tx, order.id, 'payment_failed', { actor: 'test', reason: 'declined', at: later, amountCents: 900 }));
    expect(from).toBe('awaiting_payment');
    await move(order.id, 'cancelled', 'changed my mind');
    const events = await eventsOf(order.id);
    expect(events.map(({ fromStatus, toStatus, actor, reason, at, amountCents }) => ({ fromStatus, toStatus, actor, reason, at, amountCents }))).toEqual([
      { fromStatus: null, toStatus: 'awaiting_payment', actor: 'shopper', reason: 'order placed', at: now, amountCents: null },
      { fromStatus: 'awaiting_payment', toStatus: 'payment_failed', actor: 'test', reason: 'declined', at: later, amountCents: 900 },
      { fromStatus: 'payment_failed', toStatus: 'cancelled', actor: 'admin', reason: 'changed my mind', at: now, amountCents: null },
    ]);
    expect((await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('cancelled');
  });

  it('refuses a move the table does not allow and changes nothing', async () => {
    const order = await placed();
    const refusal = await move(order.id, 'dispatched').catch((error) => error);
    expect(refusal).toBeInstanceOf(TransitionNotAllowed);
    expect(refusal).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', from: 'awaiting_payment', to: 'dispatched' });
    await expect(move(order.id, 'refunded')).rejects.toBeInstanceOf(TransitionNotAllowed);
    expect((await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('awaiting_payment');
    expect(await eventsOf(order.id)).toHaveLength(1);

    // A terminal status stays where it is.
    await test.db.order.update({ where: { id: order.id }, data: { status: 'refunded' } });
    for (const to of ORDER_STATUSES) await expect(move(order.id, to), to).rejects.toBeInstanceOf(TransitionNotAllowed);
    expect((await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('refunded');
    expect(await eventsOf(order.id)).toHaveLength(1);
    await expect(move(999_999_999, 'paid')).rejects.toBeInstanceOf(TransitionNotAllowed);
  });

  it('lets only one of two concurrent moves from the same status win', async () => {
    for (let round = 0; round < 4; round += 1) {
      const order = await placed();
      const results = await Promise.allSettled([move(order.id, 'cancelled'), move(order.id, 'expired')]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(TransitionNotAllowed);
      const events = await eventsOf(order.id);
      expect(events).toHaveLength(2);
      expect((await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(events[1].toStatus);
    }
  });

  it('loses when the status changed between reading and writing (the update names the status it read)', async () => {
    const order = await placed();
    await move(order.id, 'cancelled');
    // A reader that still sees the status from before the other request's move.
    const stale = {
      order: { findUnique: async () => ({ status: 'awaiting_payment' as const }), updateMany: test.db.order.updateMany.bind(test.db.order) },
      orderEvent: test.db.orderEvent,
    } as unknown as Parameters<typeof moveOrder>[0];
    await expect(moveOrder(stale, order.id, 'expired', { actor: 'system', reason: 'late', at: now })).rejects.toBeInstanceOf(TransitionNotAllowed);
    expect((await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('cancelled');
    expect(await eventsOf(order.id)).toHaveLength(2);
  });
});
