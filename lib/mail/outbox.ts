// Mail is written to the outbox in the same transaction as the change that
// causes it, then delivered; a failed delivery stays queued and is retried.
import type { Db } from '../db/client';

export interface OutgoingMail {
  recipient: string;
  subject: string;
  text: string;
  kind: string;
  orderId?: number;
}

export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

type OutboxWriter = Pick<Db, 'outboxMessage'>;

const RETRY_BASE_SECONDS = 30;
const MAX_RETRY_SECONDS = 60 * 60;
export const DELIVERY_BATCH = 20;

export function enqueueMail(db: OutboxWriter, mail: OutgoingMail, now: Date) {
  return db.outboxMessage.create({ data: { ...mail, createdAt: now, nextAttemptAt: now } });
}

export function retryDelaySeconds(attempts: number): number {
  return Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_SECONDS);
}

export interface DeliveryReport { sent: number; failed: number }

/** Sends what is due. A message is claimed by bumping `attempts` first, so two workers never send it twice. */
export async function deliverDueMail(db: Db, transport: MailTransport, from: string, now: Date): Promise<DeliveryReport> {
  const due = await db.outboxMessage.findMany({
    where: { sentAt: null, nextAttemptAt: { lte: now } },
    orderBy: { id: 'asc' },
    take: DELIVERY_BATCH,
  });
  const report = { sent: 0, failed: 0 };
  for (const message of due) {
    const attempts = message.attempts + 1;
    const claimed = await db.outboxMessage.updateMany({
      where: { id: message.id, attempts: message.attempts, sentAt: null },
      data: { attempts, nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000) },
    });
    if (claimed.count === 0) continue;
    try {
      await transport.send({ from, to: message.recipient, subject: message.subject, text: message.text });
      await db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date(), lastError: null } });
      report.sent += 1;
    } catch (error) {
      await db.outboxMessage.update({ where: { id: message.id }, data: { lastError: String((error as Error).message).slice(0, 500) } });
      report.failed += 1;
    }
  }
  return report;
}

export function listOutbox(db: Db, take = 100) {
  return db.outboxMessage.findMany({ orderBy: { id: 'desc' }, take });
}
