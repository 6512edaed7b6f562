'use client';

import { useActionState } from 'react';
import { ActionStatus } from '../action-status';
import { rotateKeyAction } from './actions';

export function RotateKeyForm({ purpose }: { purpose: string }) {
  const [state, action, pending] = useActionState(rotateKeyAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="purpose" value={purpose} />
      <button type="submit" disabled={pending}>Yes, rotate the {purpose} key</button>
      <ActionStatus state={state} />
    </form>
  );
}
