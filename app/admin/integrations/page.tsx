import type { Metadata } from 'next';
import { db } from '@/lib/server/shop';
import { listIntegrations } from '@/lib/integrations';
import { formatDate, formatDateTime } from '@/app/_components/dates';
import { AdminShell } from '../admin-shell';
import { CertificateForm, NewIntegrationForm, ToggleForm } from './integration-forms';

export const metadata: Metadata = { title: 'Integrations · Admin' };

export default function AdminIntegrationsPage() {
  return <AdminShell><Integrations /></AdminShell>;
}

type Certificate = Awaited<ReturnType<typeof listIntegrations>>[number]['certificates'][number];

/** Never the certificate itself: its fingerprint, subject and expiry are enough to recognise it. */
function CertificateSummary({ cert }: { cert: Certificate }) {
  return (
    <li>
      <code title="SHA-256 of the public key">{cert.fingerprint}</code>
      {' · '}{cert.keyType.toUpperCase()}{cert.keyBits ? ` ${cert.keyBits}` : ''}
      {cert.subject ? ` · ${cert.subject}` : ' · public key'}
      {cert.notAfter ? ` · expires ${formatDate(cert.notAfter)}` : ''}
      {cert.retiresAt ? <strong> · previous, accepted until {formatDateTime(cert.retiresAt)}</strong> : ' · current'}
    </li>
  );
}

async function Integrations() {
  const integrations = await listIntegrations(db(), new Date());
  return (
    <>
      <h1>Integrations</h1>
      <p>Merchant sites that send shoppers here with secure payloads (see “Sell from your own site” in the README).</p>
      {integrations.length === 0 ? <p>No integrations yet.</p> : integrations.map((integration) => (
        <article key={integration.id} aria-label={integration.name} className="admin-card">
          <h2>{integration.name}</h2>
          <dl>
            <dt>Access key</dt><dd><code>{integration.accessKey}</code></dd>
            <dt>Mode</dt><dd>{integration.mode}</dd>
            <dt>Status</dt><dd>{integration.enabled ? 'enabled' : 'disabled'}</dd>
          </dl>
          <h3>Certificates</h3>
          {integration.certificates.length === 0 ? <p>None yet: only test-mode plain payloads can be accepted.</p>
            : <ul>{integration.certificates.map((cert) => <CertificateSummary key={cert.id} cert={cert} />)}</ul>}
          <CertificateForm integrationId={integration.id} name={integration.name} hasCertificate={integration.certificates.some((c) => !c.retiresAt)} />
          <ToggleForm integrationId={integration.id} field="mode" value={integration.mode === 'live' ? 'test' : 'live'}
            label={integration.mode === 'live' ? 'Switch to test mode' : 'Switch to live mode'} />
          <ToggleForm integrationId={integration.id} field="enabled" value={String(!integration.enabled)}
            label={integration.enabled ? 'Disable' : 'Enable'} />
        </article>
      ))}
      <h2>New integration</h2>
      <NewIntegrationForm />
    </>
  );
}
