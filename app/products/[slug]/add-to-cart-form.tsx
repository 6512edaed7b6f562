'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { addToCartAction } from '@/app/cart/actions';
import { FieldError } from '@/app/_components/field-error';

export function AddToCartForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(addToCartAction, {});
  return (
    <form action={action} noValidate className="add-to-cart">
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="quantity">Quantity</label>
      <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={99} defaultValue={1}
        aria-invalid={Boolean(state.errors?.quantity)} aria-describedby="quantity-error" />
      <FieldError id="quantity-error" message={state.errors?.quantity} />
      <button type="submit" disabled={pending}>Add to cart</button>
      <FieldError id="product-error" message={state.errors?.product} />
      {state.added ? <p role="status" className="ok">Added to your cart. <Link href="/cart">View cart</Link></p> : null}
    </form>
  );
}
