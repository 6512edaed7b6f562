import type { AdminFormState } from './actions';

/** The outcome of an admin form: an alert for a refusal, a status line for success. */
export function ActionStatus({ state }: { state: AdminFormState }) {
  if (state.error) return <p role="alert" className="form-error">{state.error}</p>;
  if (state.message) return <p role="status" className="ok">{state.message}</p>;
  return null;
}
