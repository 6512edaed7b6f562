'use client';

import { useActionState } from 'react';
import { placeOrderAction } from './actions';
import { AddressFields, TextField } from '@/app/_components/address-fields';

export function CheckoutForm({ delivery }: { delivery: boolean }) {
  const [state, action, pending] = useActionState(placeOrderAction, {});
  return (
    <form action={action} noValidate className="checkout-form">
      <fieldset>
        <legend>Contact</legend>
        <TextField name="email" label="Email" type="email" autoComplete="email" errors={state.errors} defaultValue={state.values?.email} />
        <TextField name="fullName" label="Full name" autoComplete="name" errors={state.errors} defaultValue={state.values?.fullName} />
      </fieldset>
      {delivery ? (
        <fieldset>
          <legend>Delivery address</legend>
          <AddressFields errors={state.errors} values={state.values} />
        </fieldset>
      ) : <p className="hint">Nothing in this order is posted, so no delivery address is needed.</p>}
      {state.formError ? <p role="alert" className="form-error">{state.formError}</p> : null}
      <button type="submit" className="primary" disabled={pending}>Place order</button>
    </form>
  );
}
