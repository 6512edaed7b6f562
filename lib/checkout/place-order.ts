// Placing an order: lines, the buyer's details and the order's terms (currency, coupon,
// gift recipient, where it came from) become an order, its lines, what each line grants
// (lib/fulfilment) and its confirmation email, in one transaction.
import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../db/client';
import type { Currency } from '../catalog/currencies';
import { redeemCoupon } from '../coupons/coupons';
import { enqueueMail } from '../mail/outbox';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { confirmationMail } from '../orders/emails';
import { absoluteLink, signedOrderPath } from '../order-access/links';
import type { KeyRing } from '../signing';
import { grantsOfOrder } from '../content/grants';
import { linksForGrants, type LinkSigner } from '../content-links/issue';
import { isUniqueViolation } from '../db/unique-violation';
import { fulfilLines } from '../fulfilment/fulfil';
import type { CheckoutInput } from './customer-input';
import { DraftGone, EmptyCart, UnknownProducts } from './errors';
import { priceOrder, type OrderLine } from './pricing';

export interface PlaceOrderContext {
  ring: KeyRing;
  publicUrl: string;
  now: Date;
  /** Signs the content links the confirmation email carries (articles and passes bought). */
  contentSigner?: LinkSigner;
}

export interface GiftRecipient { name: string; email: string; message?: string }

export interface OrderTerms {
  currency?: Currency;
  couponCode?: string;
  language?: Locale;
  /** The delivery address in the customer input is then the recipient's. */
  recipient?: GiftRecipient;
  origin?: { integrationId: number; testMode: boolean; accountId?: number | null };
  /** The checkout draft this order fulfils: used once, in the order's own transaction. */
  draftId?: string;
}

/** Order numbers are random, so they reveal neither how many orders exist nor which are neighbours. */
export function newOrderNumber(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

async function claimDraft(tx: Tx, id: string, now: Date) {
  const { count } = await tx.checkoutDraft.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count === 0) throw new DraftGone();
}

export async function placeOrder(db: Db, lines: readonly OrderLine[], customer: CheckoutInput, ctx: PlaceOrderContext, terms: OrderTerms = {}) {
  if (lines.length === 0) throw new EmptyCart();
  const priced = await priceOrder(db, lines, terms, ctx.now);
  if (priced.missing.length > 0) throw new UnknownProducts(priced.missing);

  for (let attempt = 1; ; attempt += 1) {
    const number = newOrderNumber();
    try {
      return await db.$transaction(async (tx) => {
        if (terms.draftId) await claimDraft(tx, terms.draftId, ctx.now);
        if (priced.coupon) await redeemCoupon(tx, priced.coupon);
        const order = await tx.order.create({
          data: {
            number, ...customer, status: 'placed', currency: priced.currency, placedAt: ctx.now,
            subtotalCents: priced.subtotalCents, discountCents: priced.discountCents,
            shippingCents: priced.shippingCents, totalCents: priced.totalCents,
            couponCode: priced.coupon?.code ?? null, language: terms.language ?? DEFAULT_LOCALE,
            recipientName: terms.recipient?.name ?? null, recipientEmail: terms.recipient?.email ?? null,
            giftMessage: terms.recipient?.message || null,
            testMode: terms.origin?.testMode ?? false, integrationId: terms.origin?.integrationId ?? null,
            accountId: terms.origin?.accountId ?? null,
            items: {
              create: priced.lines.map((line) => ({
                productId: line.product.id, productName: line.product.name, quantity: line.quantity,
                unitPriceCents: line.product.priceCents, lineTotalCents: line.lineTotalCents,
              })),
            },
          },
          include: { items: true },
        });
        const productOf = new Map(priced.lines.map((line) => [line.product.id, line.product]));
        await fulfilLines(tx, order.items.map((item) => ({ orderId: order.id, orderItemId: item.id, product: productOf.get(item.productId)! })), ctx.now);
        const contentLinks = ctx.contentSigner ? linksForGrants(await grantsOfOrder(tx, { id: order.id }), ctx.contentSigner, ctx.now) : [];
        const signedPath = signedOrderPath(number, ctx.ring);
        await enqueueMail(tx, confirmationMail(order, absoluteLink(ctx.publicUrl, signedPath), contentLinks), ctx.now);
        return { number, signedPath };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
