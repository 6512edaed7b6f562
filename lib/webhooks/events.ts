// The events the shop tells other systems about, and the body each is sent with
// (docs/specs/webhooks.md). Pure: plain values in, the exact JSON out.
import { randomBytes } from 'node:crypto';

export const WEBHOOK_EVENT_TYPES = [
  'order.paid', 'order.refunded', 'order.partially_refunded', 'order.cancelled', 'order.expired', 'order.disputed',
  'license.revoked', 'download.limit_reached',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by the admin's "Send test event", to one endpoint. */
export const TEST_EVENT_TYPE = 'webhook.test';

export const isWebhookEventType = (value: string): value is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** A body larger than this is never written: receivers may cap what they read. */
export const MAX_BODY_BYTES = 64 * 1024;

/** `msg_` and 24 random base32-ish characters: the webhook-id, unique per event. */
export const newMessageId = () => `msg_${randomBytes(15).toString('base64url')}`;

export interface EventBody {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** The Standard Webhooks body: `type`, `timestamp` (when it happened) and `data`. */
export function eventBody(type: string, at: Date, data: Record<string, unknown>): string {
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data } satisfies EventBody);
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw new Error(`webhook body of ${type} is larger than ${MAX_BODY_BYTES} bytes`);
  return body;
}

/** What an order event says about the order: no name, email or address (receivers log bodies). */
export interface OrderSnapshot {
  number: string;
  status: string;
  currency: string;
  totalCents: number;
  paidCents: number;
  refundedCents: number;
  test: boolean;
}

export interface OrderChangeData {
  order: OrderSnapshot;
  change: { from: string | null; to: string; at: Date; actor: string; reason: string; amountCents: number | null };
}

export function orderEventData({ order, change }: OrderChangeData): Record<string, unknown> {
  return {
    order,
    change: { from: change.from, to: change.to, actor: change.actor, reason: change.reason, amountCents: change.amountCents },
  };
}
