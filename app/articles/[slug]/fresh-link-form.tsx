'use client';

import { useActionState } from 'react';
import { requestFreshLinkAction } from './actions';

/** The `Articles` messages it shows, translated on the server (words.ts). */
export interface FreshLinkWords { email: string; send: string; sent: string }

export function FreshLinkForm({ link, words }: { link: string; words: FreshLinkWords }) {
  const [state, action, pending] = useActionState(requestFreshLinkAction, {});
  if (state.sent) {
    return <p role="status" className="ok">{words.sent}</p>;
  }
  return (
    <form action={action} className="fresh-link">
      <input type="hidden" name="link" value={link} />
      <label htmlFor="fresh-email">{words.email}</label>
      <input id="fresh-email" name="email" type="email" autoComplete="email" required />
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
      <button type="submit" disabled={pending}>{words.send}</button>
    </form>
  );
}
