// What an admin does with webhook endpoints (/admin/webhooks, and an integration's own one):
// register (the secret is returned once), rotate the secret with an overlap, switch on/off,
// send a test event, resend one delivery or every failed one, and read the delivery log.
import { z } from 'zod';
import type { Db } from '../db/client';
import { InputInvalid } from '../errors';
import { fieldReason, reason } from '../forms';
import { WebhookTargetRefused, type TargetRefusal } from './errors';
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './events';
import { GIVE_UP_AFTER_MS, writeEvent } from './record';
import { newWebhookSecret } from './signing';
import { sealWebhookSecret } from './secrets';
import { checkTarget, type Resolver, type TargetPolicy } from './targets';

export const MAX_OVERLAP_HOURS = 24 * 7;

export const endpointSchema = z.object({
  url: z.string().trim().min(1, reason('required')),
  description: z.string().trim().max(200, reason('tooLongAtMost')),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, reason('webhookEventsMissing')),
});

export const overlapSchema = z.object({
  overlapHours: z.string().trim().transform((text) => (text === '' ? '24' : text))
    .pipe(z.string().regex(/^\d{1,3}$/, reason('wholeNumberRange')))
    .transform(Number)
    .superRefine((hours, ctx) => {
      if (hours > MAX_OVERLAP_HOURS) ctx.addIssue({ code: 'custom', message: reason('wholeNumberRange'), params: { min: 0, max: MAX_OVERLAP_HOURS } });
    }),
});

const REFUSAL_REASON = {
  'url-invalid': 'urlInvalid', 'url-too-long': 'urlInvalid', 'url-credentials': 'webhookUrlCredentials', 'https-required': 'httpsRequired',
  'host-unresolvable': 'webhookHostUnresolvable', 'address-private': 'webhookAddressPrivate',
} as const satisfies Record<TargetRefusal, Parameters<typeof fieldReason>[0]>;

/** The URL as the admin typed it, checked now: refused next to the URL field. */
async function checkedUrl(text: string, policy: TargetPolicy, resolve?: Resolver): Promise<string> {
  try {
    return (await checkTarget(text, policy, resolve)).href;
  } catch (error) {
    if (error instanceof WebhookTargetRefused) throw new InputInvalid({ url: fieldReason(REFUSAL_REASON[error.refusal]) });
    throw error;
  }
}

export interface CreatedEndpoint { id: number; secret: string }

/** What saving an endpoint needs from the configuration: where it may point, and APP_KEYS to seal its secret. */
export interface EndpointSettings { policy: TargetPolicy; appKeys: readonly string[]; resolve?: Resolver }

/** A new endpoint; its secret is returned here only (the admin page shows it once), and stored sealed. */
export async function createEndpoint(
  db: Db, input: z.infer<typeof endpointSchema>, settings: EndpointSettings, now: Date, integrationId: number | null = null,
): Promise<CreatedEndpoint> {
  const url = await checkedUrl(input.url, settings.policy, settings.resolve);
  const secret = newWebhookSecret();
  // The sealed secret is tied to the row's id, known once the row exists: both in one transaction.
  const id = await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { url, description: input.description, events: [...new Set(input.events)].join(' '), secret: '', integrationId, createdAt: now },
      select: { id: true },
    });
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret: sealWebhookSecret(secret, endpoint.id, settings.appKeys) } });
    return endpoint.id;
  });
  return { id, secret };
}

/** A new secret; the old one keeps signing (a second signature) for `overlapHours`. */
export async function rotateSecret(db: Db, endpointId: number, overlapHours: number, appKeys: readonly string[], now: Date): Promise<string> {
  const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { secret: true } });
  const secret = newWebhookSecret();
  await db.webhookEndpoint.update({
    where: { id: endpointId },
    data: {
      secret: sealWebhookSecret(secret, endpointId, appKeys),
      previousSecret: overlapHours > 0 ? endpoint.secret : null,
      previousSecretUntil: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null,
    },
  });
  return secret;
}

export function setEndpointEnabled(db: Db, endpointId: number, enabled: boolean) {
  return db.webhookEndpoint.update({ where: { id: endpointId }, data: { enabled } });
}

/** A `webhook.test` event for this endpoint only, sent by the worker like any other. */
export async function sendTestEvent(db: Db, endpointId: number, now: Date): Promise<number> {
  return db.$transaction((tx) => writeEvent(tx, { type: TEST_EVENT_TYPE, at: now, data: { endpoint: endpointId, message: 'a test event sent from the shop admin' } }, [endpointId], now));
}

const again = (now: Date) => ({ status: 'pending', nextAttemptAt: now, giveUpAt: new Date(now.getTime() + GIVE_UP_AFTER_MS), failedAt: null, leaseUntil: null, leaseOwner: null });

/** Sends one delivery again (same webhook-id, so the receiver can tell it is the same event). */
export async function resendDelivery(db: Db, endpointId: number, deliveryId: number, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({ where: { id: deliveryId, endpointId, status: { not: 'pending' } }, data: again(now) });
  return count === 1;
}

/** Every failed delivery of the endpoint is tried again; returns how many. */
export async function resendFailed(db: Db, endpointId: number, now: Date): Promise<number> {
  const { count } = await db.webhookDelivery.updateMany({ where: { endpointId, status: 'failed' }, data: again(now) });
  return count;
}

export function listEndpoints(db: Db) {
  return db.webhookEndpoint.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, url: true, description: true, events: true, enabled: true, previousSecretUntil: true, createdAt: true, integration: { select: { id: true, name: true } } },
  });
}

export function findEndpoint(db: Db, endpointId: number) {
  return db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { id: true, url: true, description: true, events: true, enabled: true, previousSecretUntil: true, createdAt: true, integration: { select: { id: true, name: true } } },
  });
}

export type EndpointSummary = Awaited<ReturnType<typeof listEndpoints>>[number];

/** Deliveries per status of each endpoint: { [endpointId]: { pending, delivered, failed } }. */
export async function deliveryCounts(db: Db): Promise<Map<number, Record<string, number>>> {
  const groups = await db.webhookDelivery.groupBy({ by: ['endpointId', 'status'], _count: { _all: true } });
  const counts = new Map<number, Record<string, number>>();
  for (const group of groups) counts.set(group.endpointId, { ...counts.get(group.endpointId), [group.status]: group._count._all });
  return counts;
}

/** The admin notice: deliveries that gave up (until resent). */
export const failedDeliveryCount = (db: Db) => db.webhookDelivery.count({ where: { status: 'failed' } });

/** The endpoint's newest deliveries, each with its attempts (time, status, latency, first bytes of the answer). */
export function deliveryLog(db: Db, endpointId: number, take = 50) {
  return db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { id: 'desc' },
    take,
    select: {
      id: true, status: true, attempts: true, nextAttemptAt: true, deliveredAt: true, failedAt: true, createdAt: true,
      event: { select: { messageId: true, type: true } },
      log: { orderBy: { id: 'desc' }, take: 10, select: { id: true, at: true, statusCode: true, latencyMs: true, responseStart: true, error: true } },
    },
  });
}
