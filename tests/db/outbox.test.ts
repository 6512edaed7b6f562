import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail, enqueueMail } from '@/lib/mail/outbox';
import { smtpTransport } from '@/lib/mail/smtp';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { startSmtpCatcher } from '../support/smtp';

const now = new Date('2026-11-24T10:00:00Z');
const mail = (recipient: string) => ({ recipient, subject: 'Hello', text: 'Order link: https://shop.example/orders/1?signature=abc', kind: 'test' });

describe.each(PROVIDERS_UNDER_TEST)('outbox on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider, { seed: false }); });
  afterAll(async () => { await test?.close(); });

  it('delivers queued mail over real SMTP exactly once', async () => {
    const smtp = await startSmtpCatcher();
    try {
      await enqueueMail(test.db, mail('ada@example.com'), now);
      const transport = smtpTransport(smtp.url);
      expect(await deliverDueMail(test.db, transport, 'Shop <shop@example.com>', now)).toEqual({ sent: 1, failed: 0 });
      expect(await deliverDueMail(test.db, transport, 'Shop <shop@example.com>', now)).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toMatchObject({ to: 'ada@example.com', subject: 'Hello' });
      expect(smtp.received[0].text).toContain('https://shop.example/orders/1?signature=abc');
    } finally {
      await smtp.close();
    }
  });

  it('keeps mail queued when SMTP is down and retries it later', async () => {
    const smtp = await startSmtpCatcher();
    const deadUrl = smtp.url;
    await smtp.close();
    const queued = await enqueueMail(test.db, mail('bob@example.com'), now);
    expect(await deliverDueMail(test.db, smtpTransport(deadUrl), 'shop@example.com', now)).toEqual({ sent: 0, failed: 1 });
    const failed = await test.db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());

    const again = await startSmtpCatcher();
    try {
      const later = new Date(failed.nextAttemptAt.getTime() + 1);
      expect(await deliverDueMail(test.db, smtpTransport(again.url), 'shop@example.com', later)).toEqual({ sent: 1, failed: 0 });
      expect(again.received.map((m) => m.to)).toEqual(['bob@example.com']);
    } finally {
      await again.close();
    }
  });
});
