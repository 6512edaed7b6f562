import type { Metadata } from 'next';
import { db, shop } from '@/lib/server/shop';
import { listOutbox } from '@/lib/mail/outbox';
import { shopLinksIn } from '@/lib/mail/links';
import { formatDateTime } from '@/app/_components/dates';
import { AdminShell } from '../admin-shell';
import { DeliverMailForm } from '../admin-forms';

export const metadata: Metadata = { title: 'Outbox · Admin' };

export default function OutboxPage() {
  return <AdminShell><Outbox /></AdminShell>;
}

const linkify = (text: string) =>
  shopLinksIn(text, shop().settings.publicUrl).map((part, i) => (part.href ? <a key={i} href={part.href}>{part.text}</a> : part.text));

async function Outbox() {
  const messages = await listOutbox(db());
  return (
    <>
      <h1>Outbox</h1>
      <p>{shop().settings.smtpUrl ? 'Mail is delivered over SMTP; failed messages are retried.' : 'SMTP_URL is not set: mail is kept here and not sent.'}</p>
      <DeliverMailForm />
      {messages.map((message) => (
        <article key={message.id} className="mail" aria-label={message.subject}>
          <h2>{message.subject}</h2>
          <p className="meta">To {message.recipient} · queued {formatDateTime(message.createdAt)} ·{' '}
            {message.sentAt ? `sent ${formatDateTime(message.sentAt)}` : `not sent${message.lastError ? ` (${message.lastError})` : ''}`}</p>
          <pre>{linkify(message.text)}</pre>
        </article>
      ))}
    </>
  );
}
