// The delivery worker: claims due deliveries with a lease (a conditional UPDATE, so two
// workers on one database never hold the same delivery at once), sends each, logs the attempt,
// and then marks it delivered (a 2xx), schedules a retry with exponential backoff and jitter,
// or, past its giveUpAt (about a day after it was written), marks it failed for the admin.
import { randomBytes } from 'node:crypto';
import { driverOf, type Db } from '../db/client';
import { WebhookDelivery, WebhookEndpoint } from '../db/columns';
import { isAcknowledged, sendWebhook, SEND_LIMITS, type SendLimits, type SendOutcome } from './send';
import { secretsInForce, signedHeaders, type SigningSecrets } from './signing';
import { openWebhookSecret } from './secrets';
import type { Resolver, TargetPolicy } from './targets';

export interface WorkerSettings {
  policy: TargetPolicy;
  /** Opens the endpoints' sealed secrets (lib/webhooks/secrets.ts). */
  appKeys: readonly string[];
  limits: SendLimits;
  /** A claimed delivery is this worker's for this long; longer than any send can take. */
  leaseMs: number;
  /** Deliveries claimed per round, and sent at the same time. */
  batch: number;
  /** The first retry's delay; each next one doubles, up to maxRetryMs. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** How long to wait when nothing was due. */
  idleMs: number;
  resolve?: Resolver;
  /** The time the signature carries (webhook-timestamp): the wall clock, also when tests move the schedule's clock. */
  signingClock?: () => Date;
}

export const WORKER_DEFAULTS: Omit<WorkerSettings, 'policy' | 'appKeys'> = {
  limits: SEND_LIMITS, leaseMs: 60_000, batch: 32, firstRetryMs: 10_000, maxRetryMs: 60 * 60_000, idleMs: 1_000,
};

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of many deliveries spread out. */
export function retryDelayMs(attempts: number, firstMs: number, maxMs: number, random: () => number = Math.random): number {
  const delay = Math.min(firstMs * 2 ** Math.max(0, attempts - 1), maxMs);
  return Math.round(delay / 2 + random() * (delay / 2));
}

export const newWorkerId = () => `worker-${randomBytes(6).toString('hex')}`;

export interface RoundReport { claimed: number; delivered: number; retried: number; failed: number }

// Only columns of the delivery itself: with a relation filter Prisma's updateMany reads the ids
// first and updates them after, and the claim would no longer be one atomic statement.
const due = (now: Date) => ({
  status: 'pending', nextAttemptAt: { lte: now },
  OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
});

const d = WebhookDelivery.as('d'), e = WebhookEndpoint.as('e');

/**
 * PostgreSQL: one statement claims a whole batch; rows another worker is claiming at the same
 * moment are skipped (SKIP LOCKED), not waited for. timestamp(3) columns hold UTC, passed as text.
 */
export const CLAIM_DUE_POSTGRES = `UPDATE ${WebhookDelivery}
  SET ${WebhookDelivery.col('leaseUntil')} = $2::timestamp(3), ${WebhookDelivery.col('leaseOwner')} = $3, ${WebhookDelivery.col('attempts')} = ${WebhookDelivery.col('attempts')} + 1
  WHERE ${WebhookDelivery.col('id')} IN (
    SELECT ${d.id} FROM ${WebhookDelivery} d JOIN ${WebhookEndpoint} e ON ${e.id} = ${d.endpointId}
    WHERE ${d.status} = 'pending' AND ${d.nextAttemptAt} <= $1::timestamp(3)
      AND (${d.leaseUntil} IS NULL OR ${d.leaseUntil} < $1::timestamp(3)) AND ${e.enabled}
    ORDER BY ${d.nextAttemptAt} LIMIT $4
    FOR UPDATE OF d SKIP LOCKED)
  RETURNING ${WebhookDelivery.col('id')}`;

const utc = (date: Date) => date.toISOString().slice(0, 23);

/** Claims up to `batch` due deliveries for `workerId`; only one worker can win each. */
export async function claimDue(db: Db, workerId: string, batch: number, leaseMs: number, now: Date): Promise<number[]> {
  const driver = driverOf(db);
  if (driver.provider === 'postgresql') {
    const { rows } = await driver.pool.query(CLAIM_DUE_POSTGRES, [utc(now), utc(new Date(now.getTime() + leaseMs)), workerId, batch]);
    return rows.map((row: { id: number }) => Number(row.id));
  }
  return claimEachConditionally(db, workerId, batch, leaseMs, now);
}

/** SQLite (one writer at a time): read the due ones, then claim each with a conditional UPDATE. */
async function claimEachConditionally(db: Db, workerId: string, batch: number, leaseMs: number, now: Date): Promise<number[]> {
  const candidates = await db.webhookDelivery.findMany({ where: { ...due(now), endpoint: { enabled: true } }, orderBy: { nextAttemptAt: 'asc' }, take: batch * 2, select: { id: true } });
  // Two workers reading the same candidates try them in different orders, so they rarely collide.
  const order = candidates.map((c) => c.id).sort(() => Math.random() - 0.5);
  const claimed: number[] = [];
  for (const id of order) {
    if (claimed.length >= batch) break;
    const { count } = await db.webhookDelivery.updateMany({
      where: { id, ...due(now) },
      data: { leaseUntil: new Date(now.getTime() + leaseMs), leaseOwner: workerId, attempts: { increment: 1 } },
    });
    if (count === 1) claimed.push(id);
  }
  return claimed;
}

/** Sends one claimed delivery and records what happened. */
async function attempt(db: Db, deliveryId: number, workerId: string, settings: WorkerSettings, clock: () => Date): Promise<'delivered' | 'retried' | 'failed' | 'lost'> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { event: { select: { messageId: true, body: true } }, endpoint: { select: { url: true, secret: true, previousSecret: true, previousSecretUntil: true } } },
  });
  if (!delivery || delivery.leaseOwner !== workerId) return 'lost';
  const at = clock();
  const secrets = openSecrets(delivery.endpointId, delivery.endpoint, at, settings.appKeys);
  if (!secrets) {
    console.error(`[webhooks] the secret of endpoint ${delivery.endpointId} opens with no APP_KEYS entry (was the one that sealed it removed?); not sent`);
    return settle(db, delivery, workerId, { statusCode: null, latencyMs: 0, responseStart: '', error: 'the endpoint secret cannot be unsealed with APP_KEYS' }, at, settings, clock());
  }
  const signedAt = settings.signingClock?.() ?? new Date();
  const headers = signedHeaders(delivery.event.messageId, delivery.event.body, secrets, signedAt);
  const outcome = await sendWebhook(delivery.endpoint.url, delivery.event.body, { ...headers }, settings.policy, settings.limits, settings.resolve);
  return settle(db, delivery, workerId, outcome, at, settings, clock());
}

/** The secrets that sign now, opened; null when one cannot be. */
function openSecrets(endpointId: number, stored: SigningSecrets, at: Date, appKeys: readonly string[]): string[] | null {
  const secrets = secretsInForce(stored, at).map((secret) => openWebhookSecret(secret, endpointId, appKeys));
  return secrets.every((secret) => secret !== null) ? secrets as string[] : null;
}

async function settle(
  db: Db, delivery: { id: number; attempts: number; giveUpAt: Date }, workerId: string, outcome: SendOutcome, at: Date, settings: WorkerSettings, now: Date,
): Promise<'delivered' | 'retried' | 'failed' | 'lost'> {
  const acknowledged = isAcknowledged(outcome);
  const giveUp = !acknowledged && now >= delivery.giveUpAt;
  const next = acknowledged ? { status: 'delivered', deliveredAt: now }
    : giveUp ? { status: 'failed', failedAt: now }
      : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attempts, settings.firstRetryMs, settings.maxRetryMs)) };
  const [, updated] = await db.$transaction([
    db.webhookAttempt.create({
      data: { deliveryId: delivery.id, at, statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, responseStart: outcome.responseStart, error: outcome.error, worker: workerId },
    }),
    db.webhookDelivery.updateMany({ where: { id: delivery.id, leaseOwner: workerId }, data: { ...next, leaseUntil: null, leaseOwner: null } }),
  ]);
  if (updated.count === 0) return 'lost';
  return acknowledged ? 'delivered' : giveUp ? 'failed' : 'retried';
}

/** One round: claim what is due and send it all at once. */
export async function deliverDueWebhooks(db: Db, workerId: string, settings: WorkerSettings, clock: () => Date = () => new Date()): Promise<RoundReport> {
  const claimed = await claimDue(db, workerId, settings.batch, settings.leaseMs, clock());
  const report: RoundReport = { claimed: claimed.length, delivered: 0, retried: 0, failed: 0 };
  const results = await Promise.all(claimed.map((id) => attempt(db, id, workerId, settings, clock).catch((error) => {
    console.warn('[webhooks] a delivery attempt failed to record:', error);
    return 'lost' as const;
  })));
  for (const result of results) if (result !== 'lost') report[result] += 1;
  return report;
}

export interface RunningWorker {
  id: string;
  /** Stops claiming; resolves when the round in progress has been recorded. */
  stop(): Promise<void>;
}

/** Rounds back to back while there is work, then every `idleMs`; a database that is down is retried after `idleMs` too. */
export function startWebhookWorker(db: Db, settings: WorkerSettings, id: string = newWorkerId()): RunningWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  let failures = 0;
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        busy = (await deliverDueWebhooks(db, id, settings)).claimed === settings.batch;
        failures = 0;
      } catch (error) {
        // A database that is down is asked again later and later (up to a minute), and said once.
        if (failures === 0) console.warn('[webhooks] delivery round failed; backing off:', (error as Error).message);
        failures += 1;
      }
      if (!busy && !stopped) {
        await new Promise<void>((resume) => {
          const timer = setTimeout(resume, Math.min(settings.idleMs * 2 ** Math.min(failures, 16), Math.max(settings.idleMs, 60_000)));
          timer.unref?.();
          wake = () => { clearTimeout(timer); resume(); };
        });
      }
    }
  })();
  return { id, async stop() { stopped = true; wake?.(); await loop; } };
}
