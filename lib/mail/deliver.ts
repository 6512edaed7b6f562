// Delivery in the running server: after a change commits, due mail is sent in
// the background when SMTP_URL is set; without it, mail waits in the outbox
// (visible to admins), which is how the demo runs.
import { config } from '../config';
import { db } from '../db/client';
import { deliverDueMail, DELIVERY_BATCH, type DeliveryReport } from './outbox';
import { smtpTransport } from './smtp';

let running = false;
let again = false;

export function deliverDueMailNow(): Promise<DeliveryReport> {
  const { smtpUrl, mailFrom } = config();
  if (!smtpUrl) return Promise.resolve({ sent: 0, failed: 0 });
  return deliverDueMail(db(), smtpTransport(smtpUrl), mailFrom, new Date());
}

/** Starts a background delivery run; a call during a run schedules one more. */
export function deliverMailSoon(): void {
  if (!config().smtpUrl) return;
  if (running) { again = true; return; }
  running = true;
  void (async () => {
    try {
      do {
        again = false;
        const report = await deliverDueMailNow();
        if (report.sent + report.failed >= DELIVERY_BATCH) again = true; // a full batch: more may be due
      } while (again);
    } catch (error) {
      console.error('[mail] delivery run failed:', error);
    } finally {
      running = false;
    }
  })();
}

export const RETRY_SWEEP_MS = 60_000;

/** Called once at server start: retries failed mail and sends what a crash left behind. */
export function startMailSweeper(): void {
  if (!config().smtpUrl) return;
  deliverMailSoon();
  setInterval(deliverMailSoon, RETRY_SWEEP_MS).unref();
}
