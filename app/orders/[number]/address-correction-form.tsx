'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { DeliveryAddress } from '@/lib/orders/address';
import { AddressFields } from '@/app/_components/address-fields';
import { correctAddressAction } from './actions';

interface Props { number: string; linkQuery: string; address: DeliveryAddress }

export function AddressCorrectionForm({ number, linkQuery, address }: Props) {
  const t = useTranslations('Order');
  const [state, action, pending] = useActionState(correctAddressAction, {});
  return (
    <form action={action} noValidate className="address-form" aria-labelledby="correct-heading">
      <h3 id="correct-heading">{t('correctHeading')}</h3>
      <p className="hint">{t('correctHint')}</p>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={linkQuery} />
      <AddressFields errors={state.errors} values={state.values ?? address} />
      {state.formError ? <p role="alert" className="form-error">{state.formError}</p> : null}
      {state.saved ? <p role="status" className="ok">{t('addressSaved')}</p> : null}
      <button type="submit" disabled={pending}>{t('saveAddress')}</button>
    </form>
  );
}
