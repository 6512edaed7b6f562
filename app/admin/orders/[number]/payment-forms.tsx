'use client';

import { useActionState } from 'react';
import { cancelOrderAction, markPaidAction, refundAction } from './payment-actions';

function Outcome({ state }: { state: { error?: string; message?: string } }) {
  return (
    <>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
      {state.message ? <p role="status" className="ok">{state.message}</p> : null}
    </>
  );
}

export function MarkPaidForm({ number }: { number: string }) {
  const [state, action, pending] = useActionState(markPaidAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="paid-reference">Payment reference (bank transfer, invoice)</label>
      <input id="paid-reference" name="reference" required maxLength={100} />
      <button type="submit" disabled={pending}>Yes, mark paid</button>
      <Outcome state={state} />
    </form>
  );
}

export function CancelOrderForm({ number }: { number: string }) {
  const [state, action, pending] = useActionState(cancelOrderAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="cancel-reason">Reason (for the order’s history)</label>
      <input id="cancel-reason" name="reason" maxLength={200} />
      <button type="submit" disabled={pending}>Yes, cancel the order</button>
      <Outcome state={state} />
    </form>
  );
}

export interface RefundableLine { id: number; label: string }

/** `requestKey` is made when the page is shown: a double click, or sending the form again, refunds once. */
export function RefundForm({ number, lines, requestKey, leftLabel }: { number: string; lines: RefundableLine[]; requestKey: string; leftLabel: string }) {
  const [state, action, pending] = useActionState(refundAction, {});
  return (
    <form action={action} className="refund-form">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="requestKey" value={requestKey} />
      {lines.length > 0 ? (
        <fieldset>
          <legend>Lines to take back (everything they granted is revoked at once)</legend>
          {lines.map((line) => (
            <label key={line.id} className="check"><input type="checkbox" name="line" value={line.id} /> {line.label}</label>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor="refund-amount">Amount to refund ({leftLabel} left)</label>
      <input id="refund-amount" name="amount" inputMode="decimal" required placeholder="0.00" />
      <label htmlFor="refund-reason">Reason (told to the buyer)</label>
      <input id="refund-reason" name="reason" maxLength={200} />
      <button type="submit" disabled={pending}>Yes, refund</button>
      <Outcome state={state} />
    </form>
  );
}
