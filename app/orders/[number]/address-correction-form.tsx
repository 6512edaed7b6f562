'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { DeliveryAddress } from '@/lib/orders/address';
import { AddressFieldsView, type AddressFieldWords, type CountryOption } from '@/app/_components/address-fields-view';
import { correctAddressAction } from './actions';

/** Its words and the country names, from the server (words.ts): the order page ships no translator. */
export interface AddressFormWords { heading: string; hint: string; save: string; saved: string; fields: AddressFieldWords; countries: readonly CountryOption[] }

interface Props { number: string; linkQuery: string; address: DeliveryAddress; words: AddressFormWords }

export function AddressCorrectionForm({ number, linkQuery, address, words }: Props) {
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
      <h3 id="correct-heading">{words.heading}</h3>
      <p className="hint">{words.hint}</p>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={linkQuery} />
      <AddressFieldsView errors={state.errors} values={values} words={words.fields} countries={words.countries} />
      {state.formError ? <p role="alert" className="form-error" tabIndex={-1} data-answer>{state.formError}</p> : null}
      {state.saved ? <p role="status" className="ok" tabIndex={-1} data-answer>{words.saved}</p> : null}
      <button type="submit" disabled={pending}>{words.save}</button>
    </form>
  );
}
