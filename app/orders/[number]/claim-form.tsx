'use client';

import { useActionState } from 'react';
import { claimOrderAction, requestClaimAction } from './claim-actions';

/** On the MINIMAL tier: mail a one-time link to the order's email, if this is it. */
export function RequestClaimForm({ number }: { number: string }) {
  const [state, action, pending] = useActionState(requestClaimAction, {});
  return (
    <form action={action} className="claim-form" aria-labelledby="claim-heading">
      <h2 id="claim-heading">Is this your order?</h2>
      <p className="hint">Type the email address you ordered with. If it is this order&apos;s, we email you a link that opens the whole order in this browser.</p>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="claim-email">Email</label>
      <input id="claim-email" name="email" type="email" autoComplete="email" required maxLength={320} />
      <button type="submit" disabled={pending}>Email me a link</button>
      {state.sent ? <p role="status" className="ok">If this is the order&apos;s email address, a link is on its way. It works once, within 15 minutes.</p> : null}
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}

/** The page the mailed link opens: a button, so a mail scanner fetching the link spends nothing. */
export function ClaimOrderForm({ number, link }: { number: string; link: string }) {
  const [state, action, pending] = useActionState(claimOrderAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={link} />
      <button type="submit" disabled={pending}>Open order #{number} in this browser</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}
