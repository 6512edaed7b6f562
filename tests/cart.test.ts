import { describe, expect, it } from 'vitest';
import type { ProductKind } from '@/lib/catalog/kinds';
import { addToCart, CartError, parseQuantity, removeFromCart, setQuantity } from '@/lib/checkout/cart';
import { priceCart, totalsOf } from '@/lib/checkout/pricing';
import { refusalOf } from './support/words';

const SHIPPING_CENTS = 490;
const EUR = { currency: 'EUR', shippingCents: SHIPPING_CENTS };

const product = (slug: string, kind: ProductKind, priceCents: number) => ({ id: 1, slug, name: slug, kind, priceCents, currency: 'EUR', imagePath: '' });

describe('cart', () => {
  it('accepts quantities from 1 to 99 only', () => {
    expect(parseQuantity('1')).toBe(1);
    expect(parseQuantity(' 99 ')).toBe(99);
    for (const bad of ['0', '-1', '100', '1.5', 'abc', '', null]) {
      expect(() => parseQuantity(bad), String(bad)).toThrow(CartError);
    }
  });

  it('adds to an existing line but never beyond 99', () => {
    const cart = addToCart(addToCart([], 'castle', 40), 'castle', 59);
    expect(cart).toEqual([{ slug: 'castle', quantity: 99 }]);
    expect(refusalOf(() => addToCart(cart, 'castle', 1)).fields?.quantity).toMatch(/at most 99/);
  });

  it('updates and removes lines', () => {
    const cart = addToCart(addToCart([], 'a', 1), 'b', 2);
    expect(setQuantity(cart, 'b', 5)).toEqual([{ slug: 'a', quantity: 1 }, { slug: 'b', quantity: 5 }]);
    expect(removeFromCart(cart, 'a')).toEqual([{ slug: 'b', quantity: 2 }]);
    expect(() => setQuantity(cart, 'zzz', 1)).toThrow(CartError);
  });

  it('prices lines, charges shipping only for physical items, and reports vanished products', () => {
    const priced = priceCart([{ slug: 'card', quantity: 2 }, { slug: 'pdf', quantity: 1 }, { slug: 'gone', quantity: 1 }],
      [product('card', 'physical', 1250), product('pdf', 'download', 900)], EUR);
    expect(priced.subtotalCents).toBe(3400);
    expect(priced.shippingCents).toBe(SHIPPING_CENTS);
    expect(priced.totalCents).toBe(3400 + SHIPPING_CENTS);
    expect(priced.missing).toEqual(['gone']);
    expect(priceCart([{ slug: 'pdf', quantity: 1 }], [product('pdf', 'download', 900)], EUR).shippingCents).toBe(0);
  });

  it('takes a discount off the subtotal only, never below zero, and keeps the currency', () => {
    const lines = priceCart([{ slug: 'card', quantity: 2 }], [product('card', 'physical', 1250)], { currency: 'GBP', shippingCents: 420 }).lines;
    expect(totalsOf(lines, { currency: 'GBP', shippingCents: 420 }, 500)).toEqual({
      subtotalCents: 2500, discountCents: 500, shippingCents: 420, totalCents: 2420, currency: 'GBP',
    });
    expect(totalsOf(lines, { currency: 'GBP', shippingCents: 420 }, 9999)).toMatchObject({ discountCents: 2500, totalCents: 420 });
  });
});
