import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { enqueueMail } from '../mail/outbox';
import { dispatchMail } from './emails';
import { AlreadyDispatched, OrderNotFound } from './errors';
import { absoluteLink, signedOrderPath } from './links';

export async function markDispatched(db: Db, number: string, ctx: { ring: KeyRing; publicUrl: string; now: Date }) {
  await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { number }, include: { items: true } });
    if (!order) throw new OrderNotFound();
    const updated = await tx.order.updateMany({ where: { id: order.id, status: 'placed' }, data: { status: 'dispatched', dispatchedAt: ctx.now } });
    if (updated.count === 0) throw new AlreadyDispatched();
    await enqueueMail(tx, dispatchMail(order, absoluteLink(ctx.publicUrl, signedOrderPath(number, ctx.ring))), ctx.now);
  });
}
