'use client';

import { useActionState } from 'react';
import { DEFAULT_GRACE_HOURS } from '@/lib/integrations/admin-input';
import { ActionStatus } from '../action-status';
import { createIntegrationAction, setEnabledAction, setModeAction, uploadCertificateAction } from './actions';

export function NewIntegrationForm() {
  const [state, action, pending] = useActionState(createIntegrationAction, {});
  return (
    <form action={action} noValidate aria-label="New integration">
      <div className="field">
        <label htmlFor="integration-name">Name</label>
        <input id="integration-name" name="name" maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="integration-mode">Mode</label>
        <select id="integration-mode" name="mode" defaultValue="test">
          <option value="test">test (plain JSON accepted)</option>
          <option value="live">live (encrypted only)</option>
        </select>
      </div>
      <button type="submit" disabled={pending}>Create integration</button>
      <ActionStatus state={state} />
    </form>
  );
}

export function CertificateForm({ integrationId, name, hasCertificate }: { integrationId: number; name: string; hasCertificate: boolean }) {
  const [state, action, pending] = useActionState(uploadCertificateAction, {});
  const id = (field: string) => `${field}-${integrationId}`;
  return (
    <form action={action} noValidate aria-label={`Certificate for ${name}`}>
      <input type="hidden" name="integrationId" value={integrationId} />
      <div className="field">
        <label htmlFor={id('file')}>Certificate file (publiccert.pem)</label>
        <input id={id('file')} name="certificateFile" type="file" accept=".pem,.crt,.cer,.pub,text/plain" />
      </div>
      <div className="field">
        <label htmlFor={id('pem')}>or paste it</label>
        <textarea id={id('pem')} name="certificatePem" rows={4} cols={64} placeholder="-----BEGIN CERTIFICATE-----" />
      </div>
      {hasCertificate ? (
        <div className="field">
          <label htmlFor={id('grace')}>Keep the current certificate working for (hours)</label>
          <input id={id('grace')} name="graceHours" inputMode="numeric" size={5} defaultValue={DEFAULT_GRACE_HOURS} />
        </div>
      ) : null}
      <button type="submit" disabled={pending}>{hasCertificate ? 'Replace certificate' : 'Upload certificate'}</button>
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
      <ActionStatus state={state} />
    </form>
  );
}
