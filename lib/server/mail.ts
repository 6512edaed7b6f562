// Delivery in the running server: after a change commits, due mail is sent in
// the background when SMTP_URL is set; without it, mail waits in the outbox
// (visible to admins), which is how the demo runs.
import { isDatabaseUnavailable } from '../db/unavailable';
import { repeatWithBackoff } from '../mail/backoff';
import { deliverDueMail, DELIVERY_BATCH, type DeliveryReport } from '../mail/outbox';
import { smtpTransport } from '../mail/smtp';
import { db, shop } from './shop';

let running: Promise<boolean> | null = null;
let again = false;

export function deliverDueMailNow(): Promise<DeliveryReport> {
  const { smtpUrl, mailFrom } = shop().settings;
  if (!smtpUrl) return Promise.resolve({ sent: 0, failed: 0 });
  return deliverDueMail(db(), smtpTransport(smtpUrl), mailFrom, new Date());
}

/** One background delivery run (a call during a run schedules one more); resolves false when it failed. */
function deliveryRun(): Promise<boolean> {
  if (running) { again = true; return running; }
  running = (async () => {
    try {
      do {
        again = false;
        const report = await deliverDueMailNow();
        if (report.sent + report.failed >= DELIVERY_BATCH) again = true; // a full batch: more may be due
      } while (again);
      return true;
    } catch (error) {
      if (isDatabaseUnavailable(error)) console.warn('[mail] the database is unavailable; the sweep backs off');
      else console.error('[mail] delivery run failed:', error);
      return false;
    } finally {
      running = null;
    }
  })();
  return running;
}

export function deliverMailSoon(): void {
  if (shop().settings.smtpUrl) void deliveryRun();
}

export const RETRY_SWEEP_MS = 60_000;
export const MAX_SWEEP_BACKOFF_MS = 30 * 60_000;

/** Called once at server start: retries failed mail and sends what a crash left behind. */
export function startMailSweeper(): void {
  if (!shop().settings.smtpUrl) return;
  repeatWithBackoff(deliveryRun, { everyMs: RETRY_SWEEP_MS, maxMs: MAX_SWEEP_BACKOFF_MS });
}
