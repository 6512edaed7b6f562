'use client';

// The admin's small forms. Their words come from the server (wordsFor in admin-words.ts), in the admin's language.
import { useActionState } from 'react';
import { deliverMailAction, loginAction, markDispatchedAction, overrideLicenseAction, setLicenseStatusAction } from './actions';
import { ActionStatus } from './action-status';

export type LoginWords = Record<'loginPassword' | 'logIn', string>;

export function LoginForm({ returnTo = '/admin', words }: { returnTo?: string; words: LoginWords }) {
  const [state, action, pending] = useActionState(loginAction, {});
  return (
    <form action={action} className="login-form">
      <input type="hidden" name="next" value={returnTo} />
      <label htmlFor="password">{words.loginPassword}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required
        aria-invalid={Boolean(state.error)} aria-describedby="password-error" />
      <p id="password-error" className="field-error" role={state.error ? 'alert' : undefined}>{state.error ?? ''}</p>
      <button type="submit" disabled={pending}>{words.logIn}</button>
    </form>
  );
}

export function MarkDispatchedForm({ number, label }: { number: string; label: string }) {
  const [state, action, pending] = useActionState(markDispatchedAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <button type="submit" disabled={pending}>{label}</button>
      <ActionStatus state={state} />
    </form>
  );
}

export function DeliverMailForm({ label }: { label: string }) {
  const [state, action, pending] = useActionState(deliverMailAction, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending}>{label}</button>
      <ActionStatus state={state} />
    </form>
  );
}

/** `label` says what the button does to a license in `status` (revoke an active one, reactivate a revoked one). */
export function LicenseStatusForm({ licenseId, status, label }: { licenseId: number; status: string; label: string }) {
  const [state, action, pending] = useActionState(setLicenseStatusAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <input type="hidden" name="status" value={status === 'active' ? 'revoked' : 'active'} />
      <button type="submit" disabled={pending}>{label}</button>
      <ActionStatus state={state} inline />
    </form>
  );
}

export type LicenseOverrideWords = Record<'licenseLimit' | 'licenseExpiresOn' | 'licenseSaveLimits', string>;

export function LicenseOverrideForm({ licenseId, downloadLimit, expiresOn, words }: { licenseId: number; downloadLimit: string; expiresOn: string; words: LicenseOverrideWords }) {
  const [state, action, pending] = useActionState(overrideLicenseAction, {});
  return (
    <form action={action} noValidate className="inline-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <label htmlFor={`limit-${licenseId}`}>{words.licenseLimit}</label>
      <input id={`limit-${licenseId}`} name="downloadLimit" defaultValue={downloadLimit} inputMode="numeric" size={5} />
      <label htmlFor={`expires-${licenseId}`}>{words.licenseExpiresOn}</label>
      <input id={`expires-${licenseId}`} name="expiresOn" type="date" defaultValue={expiresOn} />
      <button type="submit" disabled={pending}>{words.licenseSaveLimits}</button>
      <ActionStatus state={state} inline />
    </form>
  );
}
