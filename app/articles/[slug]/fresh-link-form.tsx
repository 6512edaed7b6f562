'use client';

import { useActionState } from 'react';
import { requestFreshLinkAction } from './actions';

export function FreshLinkForm({ link }: { link: string }) {
  const [state, action, pending] = useActionState(requestFreshLinkAction, {});
  if (state.sent) {
    return <p role="status" className="ok">If that address bought this, a fresh link is on its way to it.</p>;
  }
  return (
    <form action={action} className="fresh-link">
      <input type="hidden" name="link" value={link} />
      <label htmlFor="fresh-email">Email you ordered with</label>
      <input id="fresh-email" name="email" type="email" autoComplete="email" required />
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
      <button type="submit" disabled={pending}>Send me a fresh link</button>
    </form>
  );
}
