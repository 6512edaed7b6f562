'use client';

import { useActionState } from 'react';
import { deliverMailAction, loginAction, markDispatchedAction } from './actions';

export function LoginForm() {
  const [state, action, pending] = useActionState(loginAction, {});
  return (
    <form action={action} className="login-form">
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
      <button type="submit" disabled={pending}>Mark dispatched</button>
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
