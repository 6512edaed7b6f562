'use client';

import { useActionState } from 'react';
import { claimOrderAction, requestClaimAction } from './claim-actions';

/** The `Claim` messages the form shows, translated on the server (words.ts). */
export interface RequestClaimWords { heading: string; hint: string; email: string; send: string; sent: string }

/** On the MINIMAL tier: mail a one-time link to the order's email, if this is it. */
export function RequestClaimForm({ number, words }: { number: string; words: RequestClaimWords }) {
  const [state, action, pending] = useActionState(requestClaimAction, {});
  return (
    <form action={action} className="claim-form" aria-labelledby="claim-heading">
      <h2 id="claim-heading">{words.heading}</h2>
      <p className="hint">{words.hint}</p>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="claim-email">{words.email}</label>
      <input id="claim-email" name="email" type="email" autoComplete="email" required maxLength={320} />
      <button type="submit" disabled={pending}>{words.send}</button>
      {state.sent ? <p role="status" className="ok">{words.sent}</p> : null}
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}

/** The page the mailed link opens: a button, so a mail scanner fetching the link spends nothing. */
export function ClaimOrderForm({ number, link, label }: { number: string; link: string; label: string }) {
  const [state, action, pending] = useActionState(claimOrderAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={link} />
      <button type="submit" disabled={pending}>{label}</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}
