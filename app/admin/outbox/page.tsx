import { db, shop } from '@/lib/server/shop';
import { listOutbox } from '@/lib/mail/outbox';
import { shopLinksIn } from '@/lib/mail/links';
import { AdminShell } from '../admin-shell';
import { DeliverMailForm } from '../admin-forms';
import { adminTitle, adminWords } from '../admin-words';

export const generateMetadata = () => adminTitle((t) => t('outboxTitle'));

export default function OutboxPage() {
  return <AdminShell><Outbox /></AdminShell>;
}

const linkify = (text: string) =>
  shopLinksIn(text, shop().settings.publicUrl).map((part, i) => (part.href ? <a key={i} href={part.href}>{part.text}</a> : part.text));

async function Outbox() {
  const { t, dateTime } = await adminWords();
  const messages = await listOutbox(db());
  return (
    <>
      <h1>{t('outboxTitle')}</h1>
      <p>{shop().settings.smtpUrl ? t('outboxSmtp') : t('outboxNoSmtp')}</p>
      <DeliverMailForm label={t('mailSendNow')} />
      {messages.map((message) => (
        <article key={message.id} className="mail" aria-label={message.subject}>
          <h2>{message.subject}</h2>
          <p className="meta">{t('mailTo', { recipient: message.recipient })} · {t('mailQueued', { date: dateTime(message.createdAt) })} ·{' '}
            {message.sentAt ? t('mailSentAt', { date: dateTime(message.sentAt) })
              : message.lastError ? t('mailNotSentBecause', { error: message.lastError }) : t('mailNotSent')}</p>
          <pre>{linkify(message.text)}</pre>
        </article>
      ))}
    </>
  );
}
