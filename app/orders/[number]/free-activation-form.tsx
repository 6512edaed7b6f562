'use client';

import { useActionState } from 'react';
import { freeActivationAction } from './license-actions';

/** One activation's "Free" button on the FULL tier. */
export function FreeActivationForm({ number, link, licenseId, instanceId, words }: {
  number: string; link: string; licenseId: number; instanceId: string; words: { free: string; label: string; freed: string };
}) {
  const [state, action, pending] = useActionState(freeActivationAction, {});
  return (
    <form action={action} className="free-activation">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={link} />
      <input type="hidden" name="licenseId" value={licenseId} />
      <input type="hidden" name="instanceId" value={instanceId} />
      <button type="submit" className="secondary" aria-label={words.label} disabled={pending || state.freed}>{words.free}</button>
      {state.freed ? <p role="status" className="ok">{words.freed}</p> : null}
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}
