'use client';

import { useActionState } from 'react';
import { ActionStatus } from '../action-status';
import { rotateKeyAction } from './actions';

/** `label`: the confirming button ("Yes, rotate the … key"), in the admin's language. */
export function RotateKeyForm({ purpose, label }: { purpose: string; label: string }) {
  const [state, action, pending] = useActionState(rotateKeyAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="purpose" value={purpose} />
      <button type="submit" disabled={pending}>{label}</button>
      <ActionStatus state={state} />
    </form>
  );
}
