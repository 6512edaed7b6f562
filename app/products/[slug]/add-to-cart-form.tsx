'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { addToCartAction } from '@/app/cart/actions';
import { useFocusOnAnswer } from '@/app/cart/use-focus-on-answer';
import { FieldError } from '@/app/_components/field-error';

export function AddToCartForm({ slug }: { slug: string }) {
  const t = useTranslations('Product');
  const [state, action, pending] = useActionState(addToCartAction, {});
  const added = useFocusOnAnswer<HTMLParagraphElement>(state, Boolean(state.added));
  return (
    <form action={action} noValidate className="add-to-cart">
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="quantity">{t('quantity')}</label>
      <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={99} defaultValue={1}
        aria-invalid={Boolean(state.errors?.quantity)} aria-describedby="quantity-error" />
      <FieldError id="quantity-error" message={state.errors?.quantity} />
      <button type="submit" disabled={pending}>{t('addToCart')}</button>
      <FieldError id="product-error" message={state.errors?.product} />
      {state.added ? <p ref={added} tabIndex={-1} role="status" className="ok">{t('added')} <Link href="/cart">{t('viewCart')}</Link></p> : null}
    </form>
  );
}
