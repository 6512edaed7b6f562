// "Mark dispatched": a paid order with something to post moves to `dispatched` (the table in
// lib/order-states decides from where), and whoever receives the parcel is emailed.
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { enqueueMail } from '../mail/outbox';
import { dispatchMail } from './emails';
import { SHIPPED_KINDS } from '../fulfilment/kinds';
import { AlreadyDispatched, NothingToDispatch, OrderNotFound } from './errors';
import { absoluteLink, signedOrderPath } from '../order-access/links';
import { moveOrder } from '../order-states/move';

export async function markDispatched(db: Db, number: string, ctx: { ring: KeyRing; publicUrl: string; now: Date }) {
  await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { number },
      select: { id: true, dispatchedAt: true, items: { where: { takenBackAt: null, product: { kind: { in: SHIPPED_KINDS } } }, select: { id: true } } },
    });
    if (!order) throw new OrderNotFound();
    if (order.dispatchedAt) throw new AlreadyDispatched();
    if (order.items.length === 0) throw new NothingToDispatch();
    await moveOrder(tx, order.id, 'dispatched', { actor: 'admin', reason: 'marked dispatched', at: ctx.now }, { dispatchedAt: ctx.now });
    // Read after the update: the mail names the address the order was dispatched to,
    // even if a correction committed a moment before.
    const dispatched = await tx.order.findUniqueOrThrow({ where: { number }, include: { items: true } });
    await enqueueMail(tx, dispatchMail(dispatched, absoluteLink(ctx.publicUrl, signedOrderPath(number, ctx.ring))), ctx.now);
  });
}
