'use client';

import { useActionState, useEffect, useRef } from 'react';
import { updateCartLineAction } from './actions';
import { FieldError } from '@/app/_components/field-error';

/** Prices come formatted in the page's language and the cart's currency. */
interface Props { slug: string; name: string; quantity: number; lineTotal: string; words: CartLineWords }

/** The `Cart` messages it shows, translated on the server (words.ts). */
export interface CartLineWords { each: string; quantityOf: string; update: string; remove: string; removeItem: string }

export function CartLineForm({ slug, name, quantity, lineTotal, words }: Props) {
  const [state, action, pending] = useActionState(updateCartLineAction, {});
  const input = useRef<HTMLInputElement>(null);
  const inputId = `quantity-${slug}`;
  const refused = state.errors?.quantity ?? state.errors?.product;
  // A refused quantity takes the focus back, with its reason read out.
  useEffect(() => { if (refused) input.current?.focus(); }, [state, refused]);
  return (
    <form action={action} noValidate className="cart-line">
      <input type="hidden" name="slug" value={slug} />
      <span className="name">{name}</span>
      <span className="meta">{words.each}</span>
      <label htmlFor={inputId} className="visually-hidden">{words.quantityOf}</label>
      <input ref={input} id={inputId} name="quantity" type="number" inputMode="numeric" min={1} max={99} defaultValue={quantity}
        aria-invalid={Boolean(state.errors?.quantity)} aria-describedby={`${inputId}-error`} />
      <button type="submit" name="intent" value="update" disabled={pending}>{words.update}</button>
      <button type="submit" name="intent" value="remove" disabled={pending} aria-label={words.removeItem}>{words.remove}</button>
      <span className="amount">{lineTotal}</span>
      <FieldError id={`${inputId}-error`} message={refused} />
    </form>
  );
}
