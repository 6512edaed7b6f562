import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { deliveryCounts, listEndpoints } from '@/lib/webhooks/admin';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/events';
import { AdminShell } from '../admin-shell';
import { adminTitle, adminWords, wordsFor } from '../admin-words';
import { FailedWebhooksNotice } from './failed-notice';
import { NewEndpointForm } from './webhook-forms';

export const generateMetadata = () => adminTitle((t) => t('webhooksTitle'));

export default function AdminWebhooksPage() {
  return <AdminShell><Webhooks /></AdminShell>;
}

async function Webhooks() {
  const { t, dateTime } = await adminWords();
  const [endpoints, counts] = await Promise.all([listEndpoints(db()), deliveryCounts(db())]);
  const now = new Date();
  return (
    <>
      <h1>{t('webhooksTitle')}</h1>
      <p>{t('webhooksIntro')}</p>
      <FailedWebhooksNotice link={false} />
      {endpoints.length === 0 ? <p>{t('webhooksNone')}</p> : endpoints.map((endpoint) => {
        const count = counts.get(endpoint.id) ?? {};
        return (
          <article key={endpoint.id} aria-label={endpoint.url} className="admin-card">
            <h2><code>{endpoint.url}</code></h2>
            {endpoint.description ? <p>{endpoint.description}</p> : null}
            <dl>
              <dt>{t('webhookEvents')}</dt><dd>{endpoint.events.split(' ').map((e) => <code key={e}>{e} </code>)}</dd>
              <dt>{t('webhookIntegration')}</dt><dd>{endpoint.integration?.name ?? t('webhookAllOrders')}</dd>
              <dt>{t('colStatus')}</dt><dd>{endpoint.enabled ? t('enabled') : t('disabled')}</dd>
              <dt>{t('webhookLog')}</dt>
              <dd>{t('webhookCounts', { delivered: count.delivered ?? 0, pending: count.pending ?? 0, failed: count.failed ?? 0 })}</dd>
            </dl>
            {endpoint.previousSecretUntil && endpoint.previousSecretUntil > now ? <p>{t('webhookOverlapUntil', { date: dateTime(endpoint.previousSecretUntil) })}</p> : null}
            <p><Link href={`/admin/webhooks/${endpoint.id}`}>{t('webhookOpen', { url: endpoint.url })}</Link></p>
          </article>
        );
      })}
      <h2>{t('webhookNew')}</h2>
      <NewEndpointForm events={WEBHOOK_EVENT_TYPES} words={{ ...wordsFor(t, ['webhookUrl', 'webhookDescription', 'webhookEvents', 'webhookCreate']), formLabel: t('webhookNew') }} />
    </>
  );
}
