import type { Metadata } from 'next';
import { db, shop } from '@/lib/server/shop';
import { needsAttention, recentEvents } from '@/lib/payments/inbox';
import { formatDateTime } from '@/app/_components/dates';
import { AdminShell } from '../admin-shell';

export const metadata: Metadata = { title: 'Payment events · Admin' };

export default function PaymentEventsPage() {
  return <AdminShell><PaymentEvents /></AdminShell>;
}

/** What the payment provider told the shop, newest first; those waiting or not applied come first. */
async function PaymentEvents() {
  const events = await recentEvents(db());
  const attention = events.filter(needsAttention);
  const { provider } = shop().settings.payments;
  return (
    <>
      <h1>Payment events</h1>
      <p>Payments are taken with <strong>{provider}</strong>. Every webhook event is kept here before it is acted on; an event that
        could not be applied yet is delivered again by the provider.</p>
      <h2>Needing attention ({attention.length})</h2>
      {attention.length === 0 ? <p>None: every event was applied.</p> : <EventTable events={attention} caption="Waiting, refused or not applied" />}
      <h2>All recent events</h2>
      {events.length === 0 ? <p>No events yet.</p> : <EventTable events={events} caption="The last 200 events" />}
    </>
  );
}

function EventTable({ events, caption }: { events: Awaited<ReturnType<typeof recentEvents>>; caption: string }) {
  return (
    <table className="admin-table">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">Received</th><th scope="col">Provider</th><th scope="col">Event</th><th scope="col">Type</th><th scope="col">Processed</th><th scope="col">Outcome</th></tr></thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>{formatDateTime(event.receivedAt)}</td><td>{event.provider}</td><td><code>{event.eventId}</code></td><td>{event.type}</td>
            <td>{event.processedAt ? formatDateTime(event.processedAt) : 'not yet'}</td><td>{event.outcome ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
