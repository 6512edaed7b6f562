// Placing an order: lines, the buyer's details and the order's terms (currency, coupon,
// gift recipient, where it came from) become an order awaiting payment, in one transaction.
// Nothing is granted here: lib/payments/settle.ts grants the lines once the order is paid
// (at once for a zero total; a bank transfer gets its instructions by email).
import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../db/client';
import { redeemCoupon } from '../coupons/coupons';
import { enqueueMail } from '../mail/outbox';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { awaitingTransferMail } from '../orders/emails';
import { absoluteLink, signedOrderPath } from '../order-access/links';
import { isUniqueViolation } from '../db/unique-violation';
import { recordPlaced } from '../order-states/move';
import { settleOrder, type OrderMailContext } from '../payments/settle';
import { FREE, type ProviderName } from '../payments/provider';
import type { CheckoutInput } from './customer-input';
import { DraftGone, EmptyCart, UnknownProducts } from './errors';
import { priceOrder, type OrderLine, type PricingTerms } from './pricing';

export interface PlaceOrderContext extends OrderMailContext {
  now: Date;
  /** Who takes the payment; a zero total is paid at once whatever this is. */
  provider: ProviderName;
  /** How long an unpaid order waits before it expires. */
  payWithinMs: number;
}

export interface GiftRecipient { name: string; email: string; message?: string }

export interface OrderTerms extends PricingTerms {
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
            number, ...customer, status: 'awaiting_payment', currency: priced.currency, placedAt: ctx.now,
            paymentProvider: priced.totalCents === 0 ? FREE : ctx.provider, payBy: new Date(ctx.now.getTime() + ctx.payWithinMs),
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
        await recordPlaced(tx, order.id, 'awaiting_payment', { actor: 'shopper', reason: 'order placed', at: ctx.now });
        const signedPath = signedOrderPath(number, ctx.ring);
        if (priced.totalCents === 0) {
          await settleOrder(tx, order.id, { provider: FREE, reference: null, amountCents: 0, currency: priced.currency, actor: 'system', reason: 'nothing to pay' }, ctx, ctx.now);
        } else if (ctx.provider === 'manual') {
          await enqueueMail(tx, awaitingTransferMail(order, absoluteLink(ctx.publicUrl, signedPath)), ctx.now);
        }
        return { number, signedPath, paid: priced.totalCents === 0 };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
