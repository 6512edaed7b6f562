// The one way an order is priced, wherever a price is shown or charged: catalogue prices in
// the order's currency (the delivery country's, when something is posted), or a price a
// verified merchant payload agreed; the coupon off the subtotal; shipping when a line is shipped.
import type { Db } from '../db/client';
import type { ProductKind } from '../catalog/kinds';
import { productsPricedIn, shippingIn } from '../catalog/products';
import { currencyForCountry, DEFAULT_CURRENCY, type Currency } from '../catalog/currencies';
import { couponDiscount, findCoupon, type CouponTerms } from '../coupons/coupons';
import { needsDelivery } from '../fulfilment/kinds';
import type { CartLine } from '../session/session';
import { CountryNotSold, OrderTooLarge } from './errors';

/** Amounts are stored as 32-bit integers of minor units; an order stays well inside them. */
export const MAX_ORDER_CENTS = 1_000_000_000;

export interface OrderLine {
  slug: string;
  quantity: number;
  /** A price agreed by a verified merchant payload, in the order's currency; never from the browser. */
  customUnitPriceCents?: number;
}

/** What pricing needs of the order's terms. */
export interface PricingTerms {
  currency?: Currency;
  couponCode?: string;
  /** Where a shipped order goes: that country's currency, and its shipping, win over `currency`. */
  deliveryCountry?: string;
  /** The language the lines' names are in (lib/catalog/texts.ts; an order keeps them as placed). */
  language?: string;
}

/** The currency an order is priced and charged in: the delivery country's when one is given, else the terms' own. */
export function pricingCurrency(terms: PricingTerms): Currency {
  if (!terms.deliveryCountry) return terms.currency ?? DEFAULT_CURRENCY;
  const currency = currencyForCountry(terms.deliveryCountry);
  if (!currency) throw new CountryNotSold(terms.deliveryCountry);
  return currency;
}

export interface PricedProduct {
  id: number;
  slug: string;
  name: string;
  kind: ProductKind;
  priceCents: number;
  currency: string;
  imagePath: string;
}

export interface PricedLine<P extends PricedProduct = PricedProduct> {
  product: P;
  quantity: number;
  lineTotalCents: number;
}

export interface Totals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
}

/** Lines of a shipped kind (FULFILMENT) need an address and are charged shipping. */
export const linesNeedDelivery = (lines: readonly { product: { kind: ProductKind } }[]) => needsDelivery(lines.map((line) => line.product.kind));

export interface PricedCart<P extends PricedProduct = PricedProduct> extends Totals {
  lines: PricedLine<P>[];
  missing: string[];
}

export interface CartPricing {
  currency: string;
  /** Charged once when any line is of a shipped kind. */
  shippingCents: number;
}

/**
 * Prices cart lines against the catalogue (products already priced in the cart's currency);
 * lines whose product is gone, or not sold in that currency, are reported in `missing`.
 */
export function priceCart<P extends PricedProduct>(lines: readonly CartLine[], products: readonly P[], pricing: CartPricing): PricedCart<P> {
  const bySlug = new Map(products.map((p) => [p.slug, p]));
  const priced: PricedLine<P>[] = [];
  const missing: string[] = [];
  for (const line of lines) {
    const product = bySlug.get(line.slug);
    if (!product) missing.push(line.slug);
    else priced.push({ product, quantity: line.quantity, lineTotalCents: product.priceCents * line.quantity });
  }
  return { lines: priced, missing, ...totalsOf(priced, pricing, 0) };
}

/** Totals of priced lines: the discount comes off the subtotal (never below zero), shipping is added after. */
export function totalsOf(lines: readonly PricedLine[], pricing: CartPricing, discountCents: number): Totals {
  const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const discount = Math.min(discountCents, subtotalCents);
  const shippingCents = linesNeedDelivery(lines) ? pricing.shippingCents : 0;
  return { subtotalCents, discountCents: discount, shippingCents, totalCents: subtotalCents - discount + shippingCents, currency: pricing.currency };
}

type CataloguePrice = Awaited<ReturnType<typeof productsPricedIn>>[number];
export interface PricedOrder extends PricedCart<CataloguePrice> { coupon: CouponTerms | null }

/** What the order would cost now: catalogue prices in its currency (`pricingCurrency`) unless a line carries an agreed price, then the coupon. */
export async function priceOrder(db: Db, lines: readonly OrderLine[], terms: PricingTerms, now: Date): Promise<PricedOrder> {
  const currency = pricingCurrency(terms);
  const products = await productsPricedIn(db, currency, lines.map((line) => line.slug), terms.language);
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
