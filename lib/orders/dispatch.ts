import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { enqueueMail } from '../mail/outbox';
import { dispatchMail } from './emails';
import { SHIPPED_KINDS } from '../fulfilment/kinds';
import { AlreadyDispatched, NothingToDispatch, OrderNotFound } from './errors';
import { absoluteLink, signedOrderPath } from '../order-access/links';

export async function markDispatched(db: Db, number: string, ctx: { ring: KeyRing; publicUrl: string; now: Date }) {
  await db.$transaction(async (tx) => {
    const updated = await tx.order.updateMany({
      where: { number, status: 'placed', items: { some: { product: { kind: { in: SHIPPED_KINDS } } } } },
      data: { status: 'dispatched', dispatchedAt: ctx.now },
    });
    if (updated.count === 0) {
      if (await tx.order.count({ where: { number, status: 'placed' } })) throw new NothingToDispatch();
      if (await tx.order.count({ where: { number } })) throw new AlreadyDispatched();
      throw new OrderNotFound();
    }
    // Read after the update: the mail names the address the order was dispatched to,
    // even if a correction committed a moment before.
    const order = await tx.order.findUniqueOrThrow({ where: { number }, include: { items: true } });
    await enqueueMail(tx, dispatchMail(order, absoluteLink(ctx.publicUrl, signedOrderPath(number, ctx.ring))), ctx.now);
  });
}
