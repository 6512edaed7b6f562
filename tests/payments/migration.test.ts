// The payments migration (20261206090748_payments) on a database that already holds orders:
// orders placed before payments existed were granted at once, so they become paid in full when
// placed; every reading grant gets its random link reference. And afterwards the database itself
// refuses a status that is not in the OrderStatus enum (PostgreSQL's type, SQLite's triggers).
import { describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import type { Provider } from '@/lib/db/schema-files';
import { ORDER_STATUSES } from '@/lib/order-states/states';
import { emptyDatabase, PROVIDERS_UNDER_TEST } from '../support/databases';

const PAYMENTS_MIGRATION = '20261206090748_payments';
const placedAt = new Date('2026-11-30T08:15:30.250Z');
const dispatchedAt = new Date('2026-12-01T09:00:00.000Z');

/** The shop as it was before payments: a product of each kind that grants, and two orders. */
async function seedOldShop(db: Db, provider: Provider) {
  // `$1` in the text is the first value: PostgreSQL numbers its parameters, SQLite binds `?` in order.
  const sql = (text: string, ...values: unknown[]) => provider === 'postgresql'
    ? db.$executeRawUnsafe(text, ...values)
    : db.$executeRawUnsafe(text.replace(/\$(\d)/g, '?'), ...[...text.matchAll(/\$(\d)/g)].map((match) => values[Number(match[1]) - 1]));
  for (const [slug, kind] of [['read', 'article'], ['pdf', 'download'], ['card', 'physical']]) {
    await sql(`INSERT INTO "Product" ("slug", "name", "summary", "description", "kind", "priceCents", "currency", "imagePath", "active", "createdAt")
      VALUES ('${slug}', '${slug}', '', '', '${kind}', 700, 'EUR', '', true, $1)`, placedAt);
  }
  await sql(`INSERT INTO "Article" ("slug", "title", "teaser", "body", "productId", "createdAt", "updatedAt")
    SELECT 'a', 'A', '', '', "id", $1, $1 FROM "Product" WHERE "slug" = 'read'`, placedAt);
  const order = (number: string, status: string, total: number, dispatched: Date | null) => sql(`INSERT INTO "Order"
    ("number", "status", "email", "fullName", "addressLine1", "city", "postalCode", "country", "currency", "subtotalCents", "shippingCents", "totalCents", "placedAt", "dispatchedAt")
    VALUES ('${number}', '${status}', 'old@example.com', 'Old Buyer', '1 Road', 'Bath', 'BA1', 'GB', 'EUR', ${total}, 0, ${total}, $1, $2)`, placedAt, dispatched);
  await order('10000001', 'placed', 2100, null);
  await order('10000002', 'dispatched', 700, dispatchedAt);
  const line = (number: string, slug: string) => sql(`INSERT INTO "OrderItem" ("orderId", "productId", "productName", "unitPriceCents", "quantity", "lineTotalCents")
    SELECT o."id", p."id", p."name", 700, 1, 700 FROM "Order" o, "Product" p WHERE o."number" = '${number}' AND p."slug" = '${slug}'`);
  await line('10000001', 'read');
  await line('10000001', 'pdf');
  await line('10000001', 'read');
  await line('10000002', 'card');
  // One grant per article line, and a licence for the download.
  await sql(`INSERT INTO "AccessGrant" ("orderId", "orderItemId", "articleId", "validUntil", "createdAt")
    SELECT i."orderId", i."id", a."id", $1, $1 FROM "OrderItem" i JOIN "Product" p ON p."id" = i."productId" JOIN "Article" a ON a."productId" = p."id"`, placedAt);
  await sql(`INSERT INTO "License" ("orderItemId", "orderId", "productId", "status", "createdAt")
    SELECT i."id", i."orderId", i."productId", 'active', $1 FROM "OrderItem" i JOIN "Product" p ON p."id" = i."productId" WHERE p."slug" = 'pdf'`, placedAt);
}

/** Runs `check` on a database that held the old shop's orders and was then migrated to today. */
async function afterMigratingOldShop(provider: Provider, check: (db: Db) => Promise<void>) {
  const database = await emptyDatabase(provider);
  try {
    expect(await applyMigrations(database.url, { before: PAYMENTS_MIGRATION })).not.toContain(PAYMENTS_MIGRATION);
    const old = createDb(database.url);
    try {
      await seedOldShop(old, provider);
    } finally {
      await old.$disconnect();
    }
    expect(await applyMigrations(database.url)).toContain(PAYMENTS_MIGRATION);
    const db = createDb(database.url);
    try {
      await check(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.drop();
  }
}

describe.each(PROVIDERS_UNDER_TEST)('the payments migration on %s', (provider) => {
  it('turns placed orders into paid ones, paid in full when placed, and gives every grant a link reference', () => afterMigratingOldShop(provider, async (db) => {
    const orders = await db.order.findMany({ orderBy: { number: 'asc' }, include: { items: true, licenses: true, accessGrants: { orderBy: { id: 'asc' } } } });
    expect(orders.map(({ number, status, paidCents, totalCents, paidAt, paymentReference, refundedCents, placedAt: placed, dispatchedAt: dispatched }) =>
      ({ number, status, paidCents, totalCents, paidAt, paymentReference, refundedCents, placed, dispatched }))).toEqual([
      { number: '10000001', status: 'paid', paidCents: 2100, totalCents: 2100, paidAt: placedAt, paymentReference: 'before-payments', refundedCents: 0, placed: placedAt, dispatched: null },
      { number: '10000002', status: 'dispatched', paidCents: 700, totalCents: 700, paidAt: placedAt, paymentReference: 'before-payments', refundedCents: 0, placed: placedAt, dispatched: dispatchedAt },
    ]);
    const [placed] = orders;
    expect(placed.items.every((item) => item.takenBackAt === null && item.refundId === null)).toBe(true);
    expect(placed.licenses.map((license) => license.status)).toEqual(['active']);
    const refs = placed.accessGrants.map((grant) => grant.linkRef);
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(ref).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(refs).size).toBe(2);
    expect(placed.accessGrants.every((grant) => grant.revokedAt === null)).toBe(true);
    // Nothing was dropped on the way: every row is still there.
    expect(await db.orderItem.count()).toBe(4);
    expect(await db.article.count()).toBe(1);
  }));

  it('stores every status of the table and refuses any other, in the database itself', () => afterMigratingOldShop(provider, async (db) => {
    const setStatus = (status: string) => db.$executeRawUnsafe(`UPDATE "Order" SET "status" = '${status}' WHERE "number" = '10000001'`);
    for (const status of ORDER_STATUSES) await expect(setStatus(status), status).resolves.toBe(1);
    // PostgreSQL: not a value of the enum type; SQLite: the trigger's own words.
    const refusal = provider === 'sqlite' ? /Order\.status is not an order status/ : /OrderStatus|enum/i;
    for (const wrong of ['placed', 'PAID', 'shipped', '']) await expect(setStatus(wrong), wrong).rejects.toThrow(refusal);
    expect((await db.order.findUniqueOrThrow({ where: { number: '10000001' } })).status).toBe(ORDER_STATUSES.at(-1));
    const insert = (number: string, status: string) => db.$executeRawUnsafe(`INSERT INTO "Order"
      ("number", "status", "email", "fullName", "addressLine1", "city", "postalCode", "country", "currency", "subtotalCents", "shippingCents", "totalCents", "placedAt")
      VALUES ('${number}', '${status}', 'x@example.com', 'X', '', '', '', '', 'EUR', 0, 0, 0, CURRENT_TIMESTAMP)`);
    await expect(insert('20000001', 'placed')).rejects.toThrow(refusal);
    await expect(insert('20000002', 'awaiting_payment')).resolves.toBe(1);
    expect(await db.order.count({ where: { number: { in: ['20000001', '20000002'] } } })).toBe(1);
  }));
});
