'use client';

import { useActionState } from 'react';
import { deliverMailAction, loginAction, markDispatchedAction, overrideLicenseAction, setLicenseStatusAction } from './actions';

export function LoginForm({ returnTo = '/admin' }: { returnTo?: string }) {
  const [state, action, pending] = useActionState(loginAction, {});
  return (
    <form action={action} className="login-form">
      <input type="hidden" name="next" value={returnTo} />
      <label htmlFor="password">Admin password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required
        aria-invalid={Boolean(state.error)} aria-describedby="password-error" />
      <p id="password-error" className="field-error" role={state.error ? 'alert' : undefined}>{state.error ?? ''}</p>
      <button type="submit" disabled={pending}>Log in</button>
    </form>
  );
}

export function MarkDispatchedForm({ number }: { number: string }) {
  const [state, action, pending] = useActionState(markDispatchedAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <button type="submit" disabled={pending}>Yes, mark dispatched</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
      {state.message ? <p role="status" className="ok">{state.message}</p> : null}
    </form>
  );
}

export function DeliverMailForm() {
  const [state, action, pending] = useActionState(deliverMailAction, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending}>Send due mail now</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
      {state.message ? <p role="status" className="ok">{state.message}</p> : null}
    </form>
  );
}

export function LicenseStatusForm({ licenseId, status }: { licenseId: number; status: string }) {
  const [state, action, pending] = useActionState(setLicenseStatusAction, {});
  const next = status === 'active' ? 'revoked' : 'active';
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" disabled={pending}>{next === 'revoked' ? 'Revoke license' : 'Reactivate license'}</button>
      {state.error ? <span role="alert" className="form-error">{state.error}</span> : null}
      {state.message ? <span role="status" className="ok">{state.message}</span> : null}
    </form>
  );
}

export function LicenseOverrideForm({ licenseId, downloadLimit, expiresOn }: { licenseId: number; downloadLimit: string; expiresOn: string }) {
  const [state, action, pending] = useActionState(overrideLicenseAction, {});
  return (
    <form action={action} noValidate className="inline-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <label htmlFor={`limit-${licenseId}`}>Download limit</label>
      <input id={`limit-${licenseId}`} name="downloadLimit" defaultValue={downloadLimit} inputMode="numeric" size={5} />
      <label htmlFor={`expires-${licenseId}`}>Expires on</label>
      <input id={`expires-${licenseId}`} name="expiresOn" type="date" defaultValue={expiresOn} />
      <button type="submit" disabled={pending}>Save limits</button>
      {state.error ? <span role="alert" className="form-error">{state.error}</span> : null}
      {state.message ? <span role="status" className="ok">{state.message}</span> : null}
    </form>
  );
}
