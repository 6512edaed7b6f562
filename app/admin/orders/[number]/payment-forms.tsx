'use client';

// The order page's payment forms; their words come from the server (payment.tsx), in the admin's language.
import { useActionState } from 'react';
import { ActionStatus } from '../../action-status';
import { cancelOrderAction, markPaidAction, refundAction } from './payment-actions';

export function MarkPaidForm({ number, words }: { number: string; words: Record<'paidReference' | 'markPaidYes', string> }) {
  const [state, action, pending] = useActionState(markPaidAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="paid-reference">{words.paidReference}</label>
      <input id="paid-reference" name="reference" required maxLength={100} />
      <button type="submit" disabled={pending}>{words.markPaidYes}</button>
      <ActionStatus state={state} />
    </form>
  );
}

export function CancelOrderForm({ number, words }: { number: string; words: Record<'cancelReason' | 'cancelYes', string> }) {
  const [state, action, pending] = useActionState(cancelOrderAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="cancel-reason">{words.cancelReason}</label>
      <input id="cancel-reason" name="reason" maxLength={200} />
      <button type="submit" disabled={pending}>{words.cancelYes}</button>
      <ActionStatus state={state} />
    </form>
  );
}

export interface RefundableLine { id: number; label: string }

/** `refundAmount` already says how much is left. */
export type RefundWords = Record<'refundLines' | 'refundAmount' | 'refundReason' | 'refundYes', string>;

/** `requestKey` is made when the page is shown: a double click, or sending the form again, refunds once. */
export function RefundForm({ number, lines, requestKey, words }: { number: string; lines: RefundableLine[]; requestKey: string; words: RefundWords }) {
  const [state, action, pending] = useActionState(refundAction, {});
  return (
    <form action={action} className="refund-form">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="requestKey" value={requestKey} />
      {lines.length > 0 ? (
        <fieldset>
          <legend>{words.refundLines}</legend>
          {lines.map((line) => (
            <label key={line.id} className="check"><input type="checkbox" name="line" value={line.id} /> {line.label}</label>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor="refund-amount">{words.refundAmount}</label>
      <input id="refund-amount" name="amount" inputMode="decimal" required placeholder="0.00" />
      <label htmlFor="refund-reason">{words.refundReason}</label>
      <input id="refund-reason" name="reason" maxLength={200} />
      <button type="submit" disabled={pending}>{words.refundYes}</button>
      <ActionStatus state={state} />
    </form>
  );
}
