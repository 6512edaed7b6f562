'use server';

import { db } from '@/lib/server/shop';
import { findProduct } from '@/lib/catalog/products';
import { addToCart, CartError, parseQuantity, removeFromCart, setQuantity } from '@/lib/checkout/cart';
import { actionRefusal } from '@/lib/server/refusals';
import { getShopSession } from '@/lib/server/session';

export interface CartFormState {
  errors?: { quantity?: string; product?: string };
  added?: boolean;
  updated?: boolean;
}

/** A refused change is shown next to the quantity, or else next to the product. */
async function cartErrorState(error: unknown): Promise<CartFormState> {
  if (!(error instanceof CartError)) throw error;
  const words = (await actionRefusal(error, 'cart')).fields?.[error.field];
  return { errors: error.field === 'quantity' ? { quantity: words } : { product: words } };
}

export async function addToCartAction(_prev: CartFormState, form: FormData): Promise<CartFormState> {
  try {
    const quantity = parseQuantity(form.get('quantity'));
    const product = await findProduct(db(), String(form.get('slug') ?? ''));
    if (!product) throw new CartError('product', 'productUnavailable');
    const session = await getShopSession();
    session.cart = addToCart(session.cart ?? [], product.slug, quantity);
    await session.save();
    return { added: true };
  } catch (error) {
    return cartErrorState(error);
  }
}

export async function updateCartLineAction(_prev: CartFormState, form: FormData): Promise<CartFormState> {
  try {
    const slug = String(form.get('slug') ?? '');
    const session = await getShopSession();
    session.cart = form.get('intent') === 'remove'
      ? removeFromCart(session.cart ?? [], slug)
      : setQuantity(session.cart ?? [], slug, parseQuantity(form.get('quantity')));
    await session.save();
    return { updated: true };
  } catch (error) {
    return cartErrorState(error);
  }
}
