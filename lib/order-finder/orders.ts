// The orders of one address, and the summary /my-orders lists for the orders this browser holds.
import type { Db } from '../db/client';
import { Order } from '../db/columns';
import { rowReader } from '../db/row-reader';
import type { OrderStatus } from '../order-states/states';
import type { OrderPageSection } from '../fulfilment/kinds';
import { checkedStatus, sectionsOfKinds } from '../orders/view';

// Compared in SQL as emailKey() compares in JS (lower(trim())); a prepared statement on the driver.
// lower() folds ASCII letters on SQLite and every letter on PostgreSQL; addresses are ASCII in practice.
const NUMBERS_OF_EMAIL = `SELECT ${Order.col('number')} FROM ${Order} WHERE lower(trim(${Order.col('email')})) = ? `
  + `ORDER BY ${Order.col('placedAt')}, ${Order.col('id')}`;

/** Every order placed with this address (an emailKey), oldest first. */
export async function orderNumbersOfEmail(db: Db, key: string): Promise<string[]> {
  const rows = await rowReader(db).all('order-numbers-of-email', NUMBERS_OF_EMAIL, [key]);
  return rows.map((row) => String(row.number));
}

/** The one address to mail for a key: the latest order's, as the buyer gave it at checkout. */
export async function mailAddressOf(db: Db, numbers: readonly string[]): Promise<{ email: string; language: string } | null> {
  const latest = numbers.at(-1);
  if (!latest) return null;
  return db.order.findUnique({ where: { number: latest }, select: { email: true, language: true } });
}

export interface HeldOrder {
  number: string; placedAt: Date; status: OrderStatus; totalCents: number; currency: string; testMode: boolean;
  /** As on the order page: an order with nothing to post names its status as such. */
  sections: OrderPageSection[];
}

/** Number, time, status and total of the orders this browser's session holds, newest first. */
export async function heldOrders(db: Db, numbers: readonly string[]): Promise<HeldOrder[]> {
  if (numbers.length === 0) return [];
  const orders = await db.order.findMany({
    where: { number: { in: [...numbers] } },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    select: { number: true, placedAt: true, status: true, totalCents: true, currency: true, testMode: true, items: { select: { product: { select: { kind: true } } } } },
  });
  return orders.map(({ items, ...order }) => ({
    ...order, status: checkedStatus(order.number, order.status), sections: sectionsOfKinds(items.map((item) => item.product.kind)),
  }));
}
