// The cart kept in the session: pure operations on its lines and its pricing.
import { ShopError } from '../errors';
import type { CartLine } from '../session/session';

export const MAX_QUANTITY = 99;
export const MAX_CART_LINES = 30;

export class CartError extends ShopError {
  readonly code = 'CART_INVALID';
  constructor(readonly field: 'quantity' | 'product' | 'cart', message: string) { super(message); }
}

export function parseQuantity(raw: unknown): number {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!/^-?\d+$/.test(text)) throw new CartError('quantity', 'Enter a whole number of cards.');
  const quantity = Number(text);
  if (quantity < 1) throw new CartError('quantity', 'Quantity must be at least 1.');
  if (quantity > MAX_QUANTITY) throw new CartError('quantity', `Quantity can be at most ${MAX_QUANTITY}.`);
  return quantity;
}

export function addToCart(lines: readonly CartLine[], slug: string, quantity: number): CartLine[] {
  const existing = lines.find((line) => line.slug === slug);
  if (!existing) {
    if (lines.length >= MAX_CART_LINES) throw new CartError('cart', `A cart holds at most ${MAX_CART_LINES} different items.`);
    return [...lines, { slug, quantity }];
  }
  if (existing.quantity + quantity > MAX_QUANTITY) {
    throw new CartError('quantity', `You can have at most ${MAX_QUANTITY} of one item (${existing.quantity} already in your cart).`);
  }
  return lines.map((line) => (line.slug === slug ? { slug, quantity: line.quantity + quantity } : line));
}

export function setQuantity(lines: readonly CartLine[], slug: string, quantity: number): CartLine[] {
  if (!lines.some((line) => line.slug === slug)) throw new CartError('product', 'That item is not in your cart.');
  return lines.map((line) => (line.slug === slug ? { slug, quantity } : line));
}

export function removeFromCart(lines: readonly CartLine[], slug: string): CartLine[] {
  return lines.filter((line) => line.slug !== slug);
}

export interface PricedProduct {
  id: number;
  slug: string;
  name: string;
  kind: string;
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

/** Only physical products are delivered; digital and content-only orders need no address. */
export const needsDelivery = (lines: readonly { product: { kind: string } }[]) => lines.some((line) => line.product.kind === 'physical');

export interface PricedCart<P extends PricedProduct = PricedProduct> extends Totals {
  lines: PricedLine<P>[];
  missing: string[];
}

export interface CartPricing {
  currency: string;
  /** Charged once when any line is a physical product. */
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
  const shippingCents = needsDelivery(lines) ? pricing.shippingCents : 0;
  return { subtotalCents, discountCents: discount, shippingCents, totalCents: subtotalCents - discount + shippingCents, currency: pricing.currency };
}
