'use client';

import { useActionState } from 'react';
import { payOrderAction, testPaymentAction } from './payment-actions';

/** "Pay now" on an order that waits for its payment. */
export function PayNowForm({ number, link, label }: { number: string; link: string; label: string }) {
  const [state, action, pending] = useActionState(payOrderAction, {});
  return (
    <form action={action} className="pay-now">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={link} />
      <button type="submit" disabled={pending}>{label}</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}

/** The test provider's two buttons. */
export function TestPaymentForm({ number, link, labels }: { number: string; link: string; labels: { pay: string; decline: string } }) {
  const [state, action, pending] = useActionState(testPaymentAction, {});
  return (
    <form action={action} className="test-payment-form">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={link} />
      <button type="submit" name="outcome" value="pay" disabled={pending}>{labels.pay}</button>{' '}
      <button type="submit" name="outcome" value="decline" className="secondary" disabled={pending}>{labels.decline}</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}
