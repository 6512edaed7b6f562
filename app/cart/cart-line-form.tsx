'use client';

import { useActionState } from 'react';
import { updateCartLineAction } from './actions';
import { FieldError } from '@/app/_components/field-error';
import { formatMoney } from '@/lib/money';

interface Props { slug: string; name: string; quantity: number; lineTotal: number; currency: string }

export function CartLineForm({ slug, name, quantity, lineTotal, currency }: Props) {
  const [state, action, pending] = useActionState(updateCartLineAction, {});
  const inputId = `quantity-${slug}`;
  return (
    <form action={action} noValidate className="cart-line">
      <input type="hidden" name="slug" value={slug} />
      <span className="name">{name}</span>
      <label htmlFor={inputId} className="visually-hidden">Quantity of {name}</label>
      <input id={inputId} name="quantity" type="number" inputMode="numeric" min={1} max={99} defaultValue={quantity}
        aria-invalid={Boolean(state.errors?.quantity)} aria-describedby={`${inputId}-error`} />
      <button type="submit" name="intent" value="update" disabled={pending}>Update</button>
      <button type="submit" name="intent" value="remove" disabled={pending} aria-label={`Remove ${name}`}>Remove</button>
      <span className="amount">{formatMoney(lineTotal, currency)}</span>
      <FieldError id={`${inputId}-error`} message={state.errors?.quantity ?? state.errors?.product} />
    </form>
  );
}
