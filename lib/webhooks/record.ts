// The outbox: an event is written in the transaction of the change it reports, with one
// delivery per endpoint that listens for it, so a crash after the commit loses nothing and a
// rolled-back change sends nothing. The worker (./worker.ts) sends the deliveries later.
import type { Tx } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { eventBody, newMessageId } from './events';

export type WebhookWriter = Pick<Tx, 'webhookEndpoint' | 'webhookEvent' | 'webhookDelivery'>;

/** How long a delivery is retried before it is marked failed (about a day). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

export interface NewWebhookEvent {
  type: string;
  at: Date;
  data: Record<string, unknown>;
  orderId?: number;
  /** The order's integration: its own endpoint hears of it; endpoints of other integrations do not. */
  integrationId?: number | null;
  /** An event that may happen only once (e.g. `download.limit_reached:license:7`). */
  onceKey?: string;
}

/** Whether an endpoint hears of this event: it listens for the type, and is the shop's or the order's integration's. */
export const listensFor = (endpoint: { events: string; integrationId: number | null }, type: string, integrationId: number | null) =>
  endpoint.events.split(' ').includes(type) && (endpoint.integrationId === null || endpoint.integrationId === integrationId);

/** Writes the event and its deliveries; nothing when no endpoint listens. Returns the event's id, or null. */
export async function recordWebhookEvent(tx: WebhookWriter, event: NewWebhookEvent, now: Date = event.at): Promise<number | null> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true, integrationId: true } });
  const listening = endpoints.filter((endpoint) => listensFor(endpoint, event.type, event.integrationId ?? null));
  if (listening.length === 0) return null;
  return writeEvent(tx, event, listening.map((endpoint) => endpoint.id), now);
}

export async function writeEvent(tx: WebhookWriter, event: NewWebhookEvent, endpointIds: readonly number[], now: Date): Promise<number> {
  const created = await tx.webhookEvent.create({
    data: {
      messageId: newMessageId(), type: event.type, body: eventBody(event.type, event.at, event.data),
      onceKey: event.onceKey ?? null, orderId: event.orderId ?? null, createdAt: now,
    },
    select: { id: true },
  });
  await tx.webhookDelivery.createMany({
    data: endpointIds.map((endpointId) => ({
      eventId: created.id, endpointId, status: 'pending', nextAttemptAt: now, createdAt: now, giveUpAt: new Date(now.getTime() + GIVE_UP_AFTER_MS),
    })),
  });
  return created.id;
}

/**
 * For an event that is recorded outside the change's own transaction and may be noticed
 * twice (two downloads reaching a limit together): the second is a no-op.
 */
export async function recordWebhookEventOnce(db: { $transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> }, event: NewWebhookEvent & { onceKey: string }): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      if (await tx.webhookEvent.findUnique({ where: { onceKey: event.onceKey }, select: { id: true } })) return;
      await recordWebhookEvent(tx, event);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
