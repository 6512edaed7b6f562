import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/lib/server/shop';
import { parseDbId } from '@/lib/db/schema-files';
import { deliveryLog, findEndpoint } from '@/lib/webhooks/admin';
import { AdminShell } from '../../admin-shell';
import { AdminTable } from '../../admin-table';
import { adminTitle, adminWords } from '../../admin-words';
import { ConfirmStep } from '../../confirm-step';
import { EndpointButton, RotateSecretForm } from '../webhook-forms';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ confirm?: string | string[] }> };

export const generateMetadata = () => adminTitle((t) => t('webhookTitle'));

export default async function AdminWebhookPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { confirm } = await searchParams;
  return <AdminShell><Endpoint id={parseDbId(id)} confirming={confirm === 'rotate'} /></AdminShell>;
}

async function Endpoint({ id, confirming }: { id: number | null; confirming: boolean }) {
  const endpoint = id === null ? null : await findEndpoint(db(), id);
  if (!endpoint) notFound();
  const { t, dateTime } = await adminWords();
  const log = await deliveryLog(db(), endpoint.id);
  const now = new Date();
  const path = `/admin/webhooks/${endpoint.id}`;
  return (
    <article>
      <p><Link href="/admin/webhooks">{t('webhookBack')}</Link></p>
      <h1>{t('webhookTitle')}</h1>
      <p><code>{endpoint.url}</code></p>
      <dl>
        {endpoint.description ? <><dt>{t('webhookDescription')}</dt><dd>{endpoint.description}</dd></> : null}
        <dt>{t('webhookEvents')}</dt><dd>{endpoint.events.split(' ').map((e) => <code key={e}>{e} </code>)}</dd>
        <dt>{t('webhookIntegration')}</dt><dd>{endpoint.integration?.name ?? t('webhookAllOrders')}</dd>
        <dt>{t('colStatus')}</dt><dd>{endpoint.enabled ? t('enabled') : t('disabled')}</dd>
      </dl>
      {endpoint.previousSecretUntil && endpoint.previousSecretUntil > now ? <p>{t('webhookOverlapUntil', { date: dateTime(endpoint.previousSecretUntil) })}</p> : null}
      <p>
        <EndpointButton endpointId={endpoint.id} kind="test" label={t('webhookSendTest')} />
        <EndpointButton endpointId={endpoint.id} kind="resendFailed" label={t('webhookResendFailed')} />
        <EndpointButton endpointId={endpoint.id} kind="enabled" fields={{ enabled: String(!endpoint.enabled) }} label={endpoint.enabled ? t('disable') : t('enable')} />
      </p>
      <ConfirmStep path={path} id="rotate" confirming={confirming} label={t('webhookRotate')} consequence={t('webhookRotateConsequence')}>
        <RotateSecretForm endpointId={endpoint.id} words={{ webhookOverlap: t('webhookOverlap'), webhookRotateYes: t('webhookRotateYes') }} />
      </ConfirmStep>
      <h2>{t('webhookLog')}</h2>
      {log.length === 0 ? <p>{t('webhookLogNone')}</p> : (
        <AdminTable testId="webhook-log"
          columns={[t('colEventType'), t('colStatus'), t('colAttempts'), t('colWhen'), t('colAnswer'), t('colLatency'), t('webhookResend')]}
          rows={log.map((delivery) => {
            const last = delivery.log[0];
            return {
              key: delivery.id,
              cells: [
                <><code>{delivery.event.type}</code><br /><small>{delivery.event.messageId}</small></>,
                <>{t('webhookStatus', { status: delivery.status })}{delivery.status === 'pending' && delivery.attempts > 0 ? <><br /><small>{t('webhookNextAttempt', { date: dateTime(delivery.nextAttemptAt) })}</small></> : null}</>,
                delivery.attempts,
                <ul>{delivery.log.map((attempt) => <li key={attempt.id}>{dateTime(attempt.at)} · {attempt.statusCode ?? t('webhookNoAnswer')} · {t('webhookLatency', { ms: attempt.latencyMs })}</li>)}</ul>,
                last ? <code>{(last.error ?? last.responseStart).slice(0, 200)}</code> : '',
                last ? t('webhookLatency', { ms: last.latencyMs }) : '',
                <EndpointButton key="resend" endpointId={endpoint.id} kind="resend" fields={{ deliveryId: String(delivery.id) }} label={t('webhookResend')} />,
              ],
            };
          })} />
      )}
    </article>
  );
}
