'use client';

// Webhook forms; their words come from the server (app/admin/webhooks/*), in the admin's language.
import { useActionState } from 'react';
import { ActionStatus } from '../action-status';
import type { AdminFormState } from '../actions';
import {
  createEndpointAction, resendDeliveryAction, resendFailedAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction,
  type SecretFormState,
} from './actions';

/** The secret, once: after creating an endpoint or rotating its secret. */
function SecretOnce({ state }: { state: SecretFormState }) {
  if (!state.secret) return <ActionStatus state={state} />;
  return (
    <div role="status" className="ok">
      <p>{state.message}</p>
      <p><code data-testid="webhook-secret">{state.secret}</code></p>
    </div>
  );
}

export type NewEndpointWords = Record<'formLabel' | 'webhookUrl' | 'webhookDescription' | 'webhookEvents' | 'webhookCreate', string>;

export function NewEndpointForm({ words, events, integrationId }: { words: NewEndpointWords; events: readonly string[]; integrationId?: number }) {
  const [state, action, pending] = useActionState(createEndpointAction, {});
  const id = (field: string) => `webhook-${integrationId ?? 'shop'}-${field}`;
  return (
    <form action={action} noValidate aria-label={words.formLabel}>
      {integrationId ? <input type="hidden" name="integrationId" value={integrationId} /> : null}
      <div className="field">
        <label htmlFor={id('url')}>{words.webhookUrl}</label>
        <input id={id('url')} name="url" type="url" inputMode="url" maxLength={2000} placeholder="https://" />
      </div>
      <div className="field">
        <label htmlFor={id('description')}>{words.webhookDescription}</label>
        <input id={id('description')} name="description" maxLength={200} />
      </div>
      <fieldset>
        <legend>{words.webhookEvents}</legend>
        {events.map((event) => (
          <label key={event} className="check"><input type="checkbox" name="events" value={event} defaultChecked /> <code>{event}</code></label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>{words.webhookCreate}</button>
      <SecretOnce state={state} />
    </form>
  );
}

export function RotateSecretForm({ endpointId, words }: { endpointId: number; words: Record<'webhookOverlap' | 'webhookRotateYes', string> }) {
  const [state, action, pending] = useActionState(rotateSecretAction, {});
  return (
    <form action={action} noValidate>
      <input type="hidden" name="endpointId" value={endpointId} />
      <div className="field">
        <label htmlFor="webhook-overlap">{words.webhookOverlap}</label>
        <input id="webhook-overlap" name="overlapHours" inputMode="numeric" size={5} defaultValue={24} />
      </div>
      <button type="submit" disabled={pending}>{words.webhookRotateYes}</button>
      <SecretOnce state={state} />
    </form>
  );
}

type SimpleAction = (prev: AdminFormState, form: FormData) => Promise<AdminFormState>;
const ACTIONS = { test: sendTestEventAction, resendFailed: resendFailedAction, resend: resendDeliveryAction, enabled: setEndpointEnabledAction } satisfies Record<string, SimpleAction>;

/** A one-button form: send a test event, resend failed, resend one delivery, switch on or off. */
export function EndpointButton({ endpointId, kind, label, fields = {} }: { endpointId: number; kind: keyof typeof ACTIONS; label: string; fields?: Record<string, string> }) {
  const [state, action, pending] = useActionState(ACTIONS[kind], {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="endpointId" value={endpointId} />
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" disabled={pending}>{label}</button>
      <ActionStatus state={state} inline />
    </form>
  );
}
