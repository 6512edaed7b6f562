import type { Db } from '../db/client';

export function listOrders(db: Db, take = 100) {
  return db.order.findMany({ orderBy: { placedAt: 'desc' }, take, include: { _count: { select: { items: true } } } });
}

export function orderForAdmin(db: Db, number: string) {
  return db.order.findUnique({
    where: { number },
    include: {
      items: { orderBy: { id: 'asc' } }, addressChanges: { orderBy: { changedAt: 'asc' } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] }, refunds: { orderBy: { id: 'asc' } },
      account: { select: { storeId: true } }, integration: { select: { name: true } },
    },
  });
}
