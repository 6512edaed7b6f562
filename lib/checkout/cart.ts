// The cart kept in the session: pure operations on its lines (lib/checkout/pricing.ts prices them).
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
