'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import type { DeliveryAddress } from '@/lib/orders/address';
import { AddressFields } from '@/app/_components/address-fields';
import { correctAddressAction } from './actions';

interface Props { number: string; linkQuery: string; address: DeliveryAddress }

export function AddressCorrectionForm({ number, linkQuery, address }: Props) {
  const t = useTranslations('Order');
  const [state, action, pending] = useActionState(correctAddressAction, {});
  const form = useRef<HTMLFormElement>(null);
  // After each answer the focus goes to what it says: the first refused field, the refusal, or "saved".
  useEffect(() => {
    if (state === undefined || Object.keys(state).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-answer]')?.focus();
  }, [state]);
  // React empties a form once its action is done: drawn afresh from what was sent, it keeps every value, the country's too.
  const values = state.values ?? address;
  return (
    <form key={JSON.stringify(values)} ref={form} action={action} noValidate className="address-form" aria-labelledby="correct-heading">
      <h3 id="correct-heading">{t('correctHeading')}</h3>
      <p className="hint">{t('correctHint')}</p>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={linkQuery} />
      <AddressFields errors={state.errors} values={values} />
      {state.formError ? <p role="alert" className="form-error" tabIndex={-1} data-answer>{state.formError}</p> : null}
      {state.saved ? <p role="status" className="ok" tabIndex={-1} data-answer>{t('addressSaved')}</p> : null}
      <button type="submit" disabled={pending}>{t('saveAddress')}</button>
    </form>
  );
}
