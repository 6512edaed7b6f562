import type { AdminFormState } from './actions';

/** The outcome of an admin form: an alert for a refusal, a status line for success (`inline` in a one-line form). */
export function ActionStatus({ state, inline = false }: { state: AdminFormState; inline?: boolean }) {
  const Tag = inline ? 'span' : 'p';
  if (state.error) return <Tag role="alert" className="form-error">{state.error}</Tag>;
  if (state.message) return <Tag role="status" className="ok">{state.message}</Tag>;
  return null;
}
