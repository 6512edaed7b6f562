'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { addToCartAction } from '@/app/cart/actions';
import { useFocusOnAnswer } from '@/app/cart/use-focus-on-answer';
import { FieldError } from '@/app/_components/field-error';

/** The `Product` messages it shows, translated on the server (words.ts). */
export interface AddToCartWords { quantity: string; add: string; added: string; viewCart: string }

export function AddToCartForm({ slug, words }: { slug: string; words: AddToCartWords }) {
  const [state, action, pending] = useActionState(addToCartAction, {});
  const added = useFocusOnAnswer<HTMLParagraphElement>(state, Boolean(state.added));
  return (
    <form action={action} noValidate className="add-to-cart">
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="quantity">{words.quantity}</label>
      <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={99} defaultValue={1}
        aria-invalid={Boolean(state.errors?.quantity)} aria-describedby="quantity-error" />
      <FieldError id="quantity-error" message={state.errors?.quantity} />
      <button type="submit" disabled={pending}>{words.add}</button>
      <FieldError id="product-error" message={state.errors?.product} />
      {state.added ? <p ref={added} tabIndex={-1} role="status" className="ok">{words.added} <Link href="/cart">{words.viewCart}</Link></p> : null}
    </form>
  );
}
