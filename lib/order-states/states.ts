// An order's life as one table: every status, where it may go next, and what it means for
// the buyer. Stored as the database's OrderStatus enum (checked by PostgreSQL's enum type and
// SQLite's triggers); adding a status makes the compiler ask for its row here.
import { OrderStatus as STORED_STATUSES } from '../db/generated/sqlite/enums';

export type OrderStatus = (typeof STORED_STATUSES)[keyof typeof STORED_STATUSES];

export const ORDER_STATUSES = Object.values(STORED_STATUSES) as readonly OrderStatus[];

export const isOrderStatus = (value: string): value is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(value);

interface StatusRules {
  /** Where the order may go from here; anything else is refused (TransitionNotAllowed). */
  next: readonly OrderStatus[];
  /** The buyer has paid and keeps (some of) what the order granted. */
  paid: boolean;
  /** The order is waiting for money: the order page offers a way to pay. */
  payable: boolean;
  /** Money may be given back (whole order or lines). */
  refundable: boolean;
  /** The buyer may still correct the delivery address (nothing has been posted). */
  addressEditable: boolean;
}

export const ORDER_LIFE = {
  awaiting_payment: { next: ['paid', 'payment_failed', 'cancelled', 'expired'], paid: false, payable: true, refundable: false, addressEditable: true },
  // A declined card: the buyer may try again until the order expires.
  payment_failed: { next: ['paid', 'payment_failed', 'cancelled', 'expired'], paid: false, payable: true, refundable: false, addressEditable: true },
  paid: { next: ['dispatched', 'partially_refunded', 'refunded', 'disputed'], paid: true, payable: false, refundable: true, addressEditable: true },
  dispatched: { next: ['partially_refunded', 'refunded', 'disputed'], paid: true, payable: false, refundable: true, addressEditable: false },
  // Some lines or some money given back; the rest is still the buyer's, and may still be posted.
  partially_refunded: { next: ['partially_refunded', 'dispatched', 'refunded', 'disputed'], paid: true, payable: false, refundable: true, addressEditable: true },
  refunded: { next: [], paid: false, payable: false, refundable: false, addressEditable: false },
  // The buyer's bank took the money back: everything is revoked at once; a lost dispute ends refunded.
  disputed: { next: ['refunded'], paid: false, payable: false, refundable: false, addressEditable: false },
  cancelled: { next: [], paid: false, payable: false, refundable: false, addressEditable: false },
  // A payment that arrives after the order expired still counts: the money was taken.
  expired: { next: ['paid'], paid: false, payable: false, refundable: false, addressEditable: false },
} as const satisfies Record<OrderStatus, StatusRules>;

export const canMove = (from: OrderStatus, to: OrderStatus) => (ORDER_LIFE[from].next as readonly OrderStatus[]).includes(to);

/** Statuses from which the order may move to `to`. */
export const statusesBefore = (to: OrderStatus) => ORDER_STATUSES.filter((from) => canMove(from, to));

export const PAYABLE_STATUSES = ORDER_STATUSES.filter((status) => ORDER_LIFE[status].payable);
export const REFUNDABLE_STATUSES = ORDER_STATUSES.filter((status) => ORDER_LIFE[status].refundable);
export const ADDRESS_EDITABLE_STATUSES = ORDER_STATUSES.filter((status) => ORDER_LIFE[status].addressEditable);
