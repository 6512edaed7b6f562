'use client';

import { useActionState } from 'react';
import { ActionStatus } from '../../action-status';
import { adminFreeActivationAction } from './license-key-actions';

export function AdminFreeActivationForm({ licenseId, instanceId, words }: { licenseId: number; instanceId: string; words: { free: string; label: string } }) {
  const [state, action, pending] = useActionState(adminFreeActivationAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <input type="hidden" name="instanceId" value={instanceId} />
      <button type="submit" aria-label={words.label} disabled={pending}>{words.free}</button>
      <ActionStatus state={state} inline />
    </form>
  );
}
