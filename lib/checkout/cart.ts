// The cart kept in the session: pure operations on its lines (lib/checkout/pricing.ts prices them).
import { ShopError, type FieldReason, type MessageParams } from '../errors';
import { fieldReason, type FieldReasonKey } from '../forms';
import type { CartLine } from '../session/session';

export const MAX_QUANTITY = 99;
export const MAX_CART_LINES = 30;

/** A refused cart change, with the reason for the one field it concerns. */
export class CartError extends ShopError {
  readonly code = 'CART_INVALID';
  readonly reason: FieldReason;
  constructor(readonly field: 'quantity' | 'product' | 'cart', reason: FieldReasonKey, params?: MessageParams) {
    const refused = fieldReason(reason, params);
    super(`${field}: ${reason} ${JSON.stringify(params ?? {})}`, { fields: { [field]: refused } });
    this.reason = refused;
  }
}

export function parseQuantity(raw: unknown): number {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!/^-?\d+$/.test(text)) throw new CartError('quantity', 'quantityWhole');
  const quantity = Number(text);
  if (quantity < 1) throw new CartError('quantity', 'quantityAtLeast', { min: 1 });
  if (quantity > MAX_QUANTITY) throw new CartError('quantity', 'quantityAtMost', { max: MAX_QUANTITY });
  return quantity;
}

export function addToCart(lines: readonly CartLine[], slug: string, quantity: number): CartLine[] {
  const existing = lines.find((line) => line.slug === slug);
  if (!existing) {
    if (lines.length >= MAX_CART_LINES) throw new CartError('cart', 'cartFull', { max: MAX_CART_LINES });
    return [...lines, { slug, quantity }];
  }
  if (existing.quantity + quantity > MAX_QUANTITY) {
    throw new CartError('quantity', 'quantityAtMostInCart', { max: MAX_QUANTITY, inCart: existing.quantity });
  }
  return lines.map((line) => (line.slug === slug ? { slug, quantity: line.quantity + quantity } : line));
}

export function setQuantity(lines: readonly CartLine[], slug: string, quantity: number): CartLine[] {
  if (!lines.some((line) => line.slug === slug)) throw new CartError('product', 'notInCart');
  return lines.map((line) => (line.slug === slug ? { slug, quantity } : line));
}

export function removeFromCart(lines: readonly CartLine[], slug: string): CartLine[] {
  return lines.filter((line) => line.slug !== slug);
}
