'use client';

// Integration forms; their words come from the server (app/admin/integrations/page.tsx), in the admin's language.
import { useActionState } from 'react';
import { DEFAULT_GRACE_HOURS } from '@/lib/integrations/admin-input';
import { ActionStatus } from '../action-status';
import { createIntegrationAction, setEnabledAction, setModeAction, uploadCertificateAction } from './actions';

export type NewIntegrationWords = Record<'integrationNew' | 'integrationName' | 'integrationMode' | 'modeTestOption' | 'modeLiveOption' | 'integrationCreate', string>;

export function NewIntegrationForm({ words }: { words: NewIntegrationWords }) {
  const [state, action, pending] = useActionState(createIntegrationAction, {});
  return (
    <form action={action} noValidate aria-label={words.integrationNew}>
      <div className="field">
        <label htmlFor="integration-name">{words.integrationName}</label>
        <input id="integration-name" name="name" maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="integration-mode">{words.integrationMode}</label>
        <select id="integration-mode" name="mode" defaultValue="test">
          <option value="test">{words.modeTestOption}</option>
          <option value="live">{words.modeLiveOption}</option>
        </select>
      </div>
      <button type="submit" disabled={pending}>{words.integrationCreate}</button>
      <ActionStatus state={state} />
    </form>
  );
}

/** The form's name ("Certificate for …") and button (upload or replace), then its labels. */
export type CertificateWords = Record<'formLabel' | 'submit' | 'certificateFile' | 'certificatePaste' | 'certificateGrace', string>;

export function CertificateForm({ integrationId, hasCertificate, words }: { integrationId: number; hasCertificate: boolean; words: CertificateWords }) {
  const [state, action, pending] = useActionState(uploadCertificateAction, {});
  const id = (field: string) => `${field}-${integrationId}`;
  return (
    <form action={action} noValidate aria-label={words.formLabel}>
      <input type="hidden" name="integrationId" value={integrationId} />
      <div className="field">
        <label htmlFor={id('file')}>{words.certificateFile}</label>
        <input id={id('file')} name="certificateFile" type="file" accept=".pem,.crt,.cer,.pub,text/plain" />
      </div>
      <div className="field">
        <label htmlFor={id('pem')}>{words.certificatePaste}</label>
        <textarea id={id('pem')} name="certificatePem" rows={4} cols={64} placeholder="-----BEGIN CERTIFICATE-----" />
      </div>
      {hasCertificate ? (
        <div className="field">
          <label htmlFor={id('grace')}>{words.certificateGrace}</label>
          <input id={id('grace')} name="graceHours" inputMode="numeric" size={5} defaultValue={DEFAULT_GRACE_HOURS} />
        </div>
      ) : null}
      <button type="submit" disabled={pending}>{words.submit}</button>
      <ActionStatus state={state} />
    </form>
  );
}

export function ToggleForm({ integrationId, field, value, label }: { integrationId: number; field: 'mode' | 'enabled'; value: string; label: string }) {
  const [state, action, pending] = useActionState(field === 'mode' ? setModeAction : setEnabledAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="integrationId" value={integrationId} />
      <input type="hidden" name={field} value={value} />
      <button type="submit" disabled={pending}>{label}</button>
      <ActionStatus state={state} inline />
    </form>
  );
}
