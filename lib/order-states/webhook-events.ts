// Which outgoing webhook (lib/webhooks) each status an order moves to sends; null sends none.
// A status added to the enum makes the compiler ask for its entry here.
import type { WebhookEventType } from '../webhooks/events';
import type { OrderStatus } from './states';

export const WEBHOOK_OF_STATUS = {
  awaiting_payment: null,
  payment_failed: null,
  paid: 'order.paid',
  dispatched: null,
  partially_refunded: 'order.partially_refunded',
  refunded: 'order.refunded',
  disputed: 'order.disputed',
  cancelled: 'order.cancelled',
  expired: 'order.expired',
} as const satisfies Record<OrderStatus, WebhookEventType | null>;
