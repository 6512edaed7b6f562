import { db, shop } from '@/lib/server/shop';
import { needsAttention, recentEvents } from '@/lib/payments/inbox';
import { AdminShell } from '../admin-shell';
import { AdminTable } from '../admin-table';
import { adminTitle, adminWords } from '../admin-words';

export const generateMetadata = () => adminTitle((t) => t('paymentsTitle'));

export default function PaymentEventsPage() {
  return <AdminShell><PaymentEvents /></AdminShell>;
}

/** What the payment provider told the shop, newest first; those waiting or not applied come first. */
async function PaymentEvents() {
  const { t } = await adminWords();
  const events = await recentEvents(db());
  const attention = events.filter(needsAttention);
  const { provider } = shop().settings.payments;
  return (
    <>
      <h1>{t('paymentsTitle')}</h1>
      <p>{t.rich('paymentsIntro', { provider, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <h2>{t('needingAttention', { count: attention.length })}</h2>
      {attention.length === 0 ? <p>{t('attentionNone')}</p> : <EventTable events={attention} caption={t('attentionCaption')} />}
      <h2>{t('allEvents')}</h2>
      {events.length === 0 ? <p>{t('eventsNone')}</p> : <EventTable events={events} caption={t('eventsCaption')} />}
    </>
  );
}

async function EventTable({ events, caption }: { events: Awaited<ReturnType<typeof recentEvents>>; caption: string }) {
  const { t, dateTime } = await adminWords();
  return (
    <AdminTable caption={caption} columns={[t('colReceived'), t('colProvider'), t('colEvent'), t('colType'), t('colProcessed'), t('colOutcome')]}
      rows={events.map((event) => ({
        key: event.id,
        cells: [
          dateTime(event.receivedAt), event.provider, <code key="id">{event.eventId}</code>, event.type,
          event.processedAt ? dateTime(event.processedAt) : t('notYet'), event.outcome ?? '',
        ],
      }))} />
  );
}
