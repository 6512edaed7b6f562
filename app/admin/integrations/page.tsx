import { db } from '@/lib/server/shop';
import { listIntegrations } from '@/lib/integrations';
import { AdminShell } from '../admin-shell';
import { adminTitle, adminWords, wordsFor } from '../admin-words';
import { CertificateForm, NewIntegrationForm, ToggleForm } from './integration-forms';
import Link from 'next/link';
import { listEndpoints } from '@/lib/webhooks/admin';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/events';
import { NewEndpointForm } from '../webhooks/webhook-forms';

export const generateMetadata = () => adminTitle((t) => t('integrationsTitle'));

export default function AdminIntegrationsPage() {
  return <AdminShell><Integrations /></AdminShell>;
}

type Certificate = Awaited<ReturnType<typeof listIntegrations>>[number]['certificates'][number];

/** Never the certificate itself: its fingerprint, subject and expiry are enough to recognise it. */
async function CertificateSummary({ cert }: { cert: Certificate }) {
  const { t, date, dateTime } = await adminWords();
  return (
    <li>
      <code title={t('fingerprintTitle')}>{cert.fingerprint}</code>
      {' · '}{cert.keyType.toUpperCase()}{cert.keyBits ? ` ${cert.keyBits}` : ''}
      {' · '}{cert.subject ?? t('publicKey')}
      {cert.notAfter ? ` · ${t('certificateExpires', { date: date(cert.notAfter) })}` : ''}
      {' · '}{cert.retiresAt ? <strong>{t('certificatePrevious', { date: dateTime(cert.retiresAt) })}</strong> : t('certificateCurrent')}
    </li>
  );
}

async function Integrations() {
  const { t } = await adminWords();
  const integrations = await listIntegrations(db(), new Date());
  const endpoints = await listEndpoints(db());
  const endpointOf = (integrationId: number) => endpoints.find((endpoint) => endpoint.integration?.id === integrationId);
  return (
    <>
      <h1>{t('integrationsTitle')}</h1>
      <p>{t('integrationsIntro')}</p>
      {integrations.length === 0 ? <p>{t('integrationsNone')}</p> : integrations.map((integration) => (
        <article key={integration.id} aria-label={integration.name} className="admin-card">
          <h2>{integration.name}</h2>
          <dl>
            <dt>{t('accessKey')}</dt><dd><code>{integration.accessKey}</code></dd>
            <dt>{t('integrationMode')}</dt><dd>{t('modeValue', { mode: integration.mode })}</dd>
            <dt>{t('colStatus')}</dt><dd>{integration.enabled ? t('enabled') : t('disabled')}</dd>
          </dl>
          <h3>{t('certificates')}</h3>
          {integration.certificates.length === 0 ? <p>{t('certificatesNone')}</p>
            : <ul>{integration.certificates.map((cert) => <CertificateSummary key={cert.id} cert={cert} />)}</ul>}
          <CertificateForm integrationId={integration.id} hasCertificate={integration.certificates.some((c) => !c.retiresAt)} words={{
            ...wordsFor(t, ['certificateFile', 'certificatePaste', 'certificateGrace']),
            formLabel: t('certificateFor', { name: integration.name }),
            submit: integration.certificates.some((c) => !c.retiresAt) ? t('certificateReplace') : t('certificateUpload'),
          }} />
          <ToggleForm integrationId={integration.id} field="mode" value={integration.mode === 'live' ? 'test' : 'live'}
            label={integration.mode === 'live' ? t('switchToTest') : t('switchToLive')} />
          <ToggleForm integrationId={integration.id} field="enabled" value={String(!integration.enabled)}
            label={integration.enabled ? t('disable') : t('enable')} />
          <h3>{t('integrationWebhook')}</h3>
          {endpointOf(integration.id) ? <p><Link href={`/admin/webhooks/${endpointOf(integration.id)!.id}`}>{t('webhookOpen', { url: endpointOf(integration.id)!.url })}</Link></p> : (
            <>
              <p>{t('integrationWebhookNone')}</p>
              <NewEndpointForm integrationId={integration.id} events={WEBHOOK_EVENT_TYPES}
                words={{ ...wordsFor(t, ['webhookUrl', 'webhookDescription', 'webhookEvents', 'webhookCreate']), formLabel: `${t('integrationWebhook')} · ${integration.name}` }} />
            </>
          )}
        </article>
      ))}
      <h2>{t('integrationNew')}</h2>
      <NewIntegrationForm words={wordsFor(t, ['integrationNew', 'integrationName', 'integrationMode', 'modeTestOption', 'modeLiveOption', 'integrationCreate'])} />
    </>
  );
}
