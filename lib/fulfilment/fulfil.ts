// Granting and taking back whole lines, through each kind's entry in FULFILMENT.
import type { Tx } from '../db/client';
import type { ProductKind } from '../catalog/kinds';
import { FULFILMENT, type GrantContext, type PaidLine } from './kinds';

export interface FulfilledLine extends PaidLine { product: PaidLine['product'] & { kind: ProductKind } }

/** Grants what each paid line of an order gives, in the order's transaction. */
export async function fulfilLines(tx: Tx, lines: readonly FulfilledLine[], now: Date, ctx: GrantContext): Promise<void> {
  // One after the other: inside a transaction they share one connection.
  for (const line of lines) await FULFILMENT[line.product.kind].grant(tx, line, now, ctx);
}

/** Takes one line back: everything it granted is revoked in the same transaction. */
export async function takeBackLine(tx: Tx, line: { orderItemId: number; kind: ProductKind }, now: Date): Promise<void> {
  await FULFILMENT[line.kind].revoke(tx, line.orderItemId, now);
}
