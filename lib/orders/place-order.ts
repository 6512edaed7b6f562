// Checkout: turns a priced cart and the shopper's details into an order, its
// lines and its confirmation email, in one transaction.
import { randomInt } from 'node:crypto';
import type { Db } from '../db/client';
import type { CartLine } from '../session/session';
import { findProductsBySlugs } from '../catalog/products';
import { priceCart } from '../cart/cart';
import { enqueueMail } from '../mail/outbox';
import { createLicensesForOrder } from '../downloads/licenses';
import type { CheckoutInput } from './customer-input';
import { confirmationMail } from './emails';
import { EmptyCart, UnknownProducts } from './errors';
import { absoluteLink, signedOrderPath } from './links';
import type { KeyRing } from '../signing';
import { createAccessGrantsForOrder, grantsOfOrder } from '../content/grants';
import { linksForGrants, type LinkSigner } from '../content-links/issue';

export interface PlaceOrderContext {
  ring: KeyRing;
  publicUrl: string;
  now: Date;
  /** Signs the content links the confirmation email carries (articles and passes bought). */
  contentSigner?: LinkSigner;
}

/** Order numbers are random, so they reveal neither how many orders exist nor which are neighbours. */
export function newOrderNumber(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'P2002';

export async function placeOrder(db: Db, cart: readonly CartLine[], customer: CheckoutInput, ctx: PlaceOrderContext) {
  if (cart.length === 0) throw new EmptyCart();
  const products = await findProductsBySlugs(db, cart.map((line) => line.slug));
  const priced = priceCart(cart, products);
  if (priced.missing.length > 0) throw new UnknownProducts(priced.missing);

  for (let attempt = 1; ; attempt += 1) {
    const number = newOrderNumber();
    try {
      return await db.$transaction(async (tx) => {
        const order = await tx.order.create({
          data: {
            number, ...customer, status: 'placed', currency: priced.currency, placedAt: ctx.now,
            subtotalCents: priced.subtotalCents, shippingCents: priced.shippingCents, totalCents: priced.totalCents,
            items: {
              create: priced.lines.map((line) => ({
                productId: line.product.id, productName: line.product.name, quantity: line.quantity,
                unitPriceCents: line.product.priceCents, lineTotalCents: line.lineTotalCents,
              })),
            },
          },
          include: { items: true },
        });
        await createLicensesForOrder(tx, order.id, order.items, products, ctx.now);
        await createAccessGrantsForOrder(tx, order.id, order.items, ctx.now);
        const contentLinks = ctx.contentSigner ? linksForGrants(await grantsOfOrder(tx, { id: order.id }), ctx.contentSigner, ctx.now) : [];
        const link = absoluteLink(ctx.publicUrl, signedOrderPath(number, ctx.ring));
        await enqueueMail(tx, confirmationMail(order, link, contentLinks), ctx.now);
        return { number, signedPath: signedOrderPath(number, ctx.ring) };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
