// Checkout: turns lines, the buyer's details and the order's terms (currency, coupon,
// gift recipient, where it came from) into an order, its lines and its confirmation
// email, in one transaction.
import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../db/client';
import { DraftGone } from '../checkout/errors';
import { productsPricedIn, shippingIn } from '../catalog/products';
import { DEFAULT_CURRENCY, type Currency } from '../catalog/currencies';
import { priceCart, totalsOf, type PricedCart } from '../cart/cart';
import { couponDiscount, findCoupon, redeemCoupon, type CouponTerms } from '../coupons/coupons';
import { enqueueMail } from '../mail/outbox';
import { createLicensesForOrder } from '../downloads/licenses';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import type { CheckoutInput } from './customer-input';
import { confirmationMail } from './emails';
import { EmptyCart, OrderTooLarge, UnknownProducts } from './errors';
import { absoluteLink, signedOrderPath } from './links';
import type { KeyRing } from '../signing';
import { createAccessGrantsForOrder, grantsOfOrder } from '../content/grants';
import { linksForGrants, type LinkSigner } from '../content-links/issue';
import { isUniqueViolation } from '../db/unique-violation';

export interface PlaceOrderContext {
  ring: KeyRing;
  publicUrl: string;
  now: Date;
  /** Signs the content links the confirmation email carries (articles and passes bought). */
  contentSigner?: LinkSigner;
}

export interface OrderLine {
  slug: string;
  quantity: number;
  /** A price agreed by a verified merchant payload, in the order's currency; never from the browser. */
  customUnitPriceCents?: number;
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

/** Amounts are stored as 32-bit integers of minor units; an order stays well inside them. */
export const MAX_ORDER_CENTS = 1_000_000_000;

/** Order numbers are random, so they reveal neither how many orders exist nor which are neighbours. */
export function newOrderNumber(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

async function claimDraft(tx: Tx, id: string, now: Date) {
  const { count } = await tx.checkoutDraft.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count === 0) throw new DraftGone();
}

type CataloguePrice = Awaited<ReturnType<typeof productsPricedIn>>[number];
export interface PricedOrder extends PricedCart<CataloguePrice> { coupon: CouponTerms | null }

/** What the order would cost now: catalogue prices in its currency unless a line carries an agreed price, then the coupon. */
export async function priceOrder(db: Db, lines: readonly OrderLine[], terms: OrderTerms, now: Date): Promise<PricedOrder> {
  const currency = terms.currency ?? DEFAULT_CURRENCY;
  const products = await productsPricedIn(db, currency, lines.map((line) => line.slug));
  const pricing = { currency, shippingCents: await shippingIn(db, currency) };
  const priced = priceCart(lines, products, pricing);
  for (const line of priced.lines) {
    const custom = lines.find((l) => l.slug === line.product.slug)?.customUnitPriceCents;
    if (custom !== undefined) Object.assign(line, { product: { ...line.product, priceCents: custom }, lineTotalCents: custom * line.quantity });
  }
  const subtotal = totalsOf(priced.lines, pricing, 0).subtotalCents;
  if (subtotal > MAX_ORDER_CENTS) throw new OrderTooLarge();
  const coupon = terms.couponCode ? await findCoupon(db, terms.couponCode) : null;
  const discountCents = coupon ? couponDiscount(coupon, currency, subtotal, now) : 0;
  return { ...priced, ...totalsOf(priced.lines, pricing, discountCents), coupon };
}

export async function placeOrder(db: Db, lines: readonly OrderLine[], customer: CheckoutInput, ctx: PlaceOrderContext, terms: OrderTerms = {}) {
  if (lines.length === 0) throw new EmptyCart();
  const priced = await priceOrder(db, lines, terms, ctx.now);
  if (priced.missing.length > 0) throw new UnknownProducts(priced.missing);
  const products = priced.lines.map((line) => line.product);

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
