'use client';

import { useActionState } from 'react';
import type { DeliveryAddress } from '@/lib/orders/customer-input';
import { AddressFields } from '@/app/_components/address-fields';
import { correctAddressAction } from './actions';

interface Props { number: string; linkQuery: string; address: DeliveryAddress }

export function AddressCorrectionForm({ number, linkQuery, address }: Props) {
  const [state, action, pending] = useActionState(correctAddressAction, {});
  return (
    <form action={action} noValidate className="address-form" aria-labelledby="correct-heading">
      <h3 id="correct-heading">Correct the delivery address</h3>
      <p className="hint">You can change it until the order is dispatched.</p>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={linkQuery} />
      <AddressFields errors={state.errors} values={state.values ?? address} />
      {state.formError ? <p role="alert" className="form-error">{state.formError}</p> : null}
      {state.saved ? <p role="status" className="ok">Delivery address updated.</p> : null}
      <button type="submit" disabled={pending}>Save address</button>
    </form>
  );
}
