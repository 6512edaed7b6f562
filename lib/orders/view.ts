// What each tier may show, and the queries that fetch exactly that: personal
// data is never read from the database for a tier that may not show it.
import type { Db } from '../db/client';
import { FileSource, License, Order, OrderItem, Product, Refund } from '../db/columns';
import { dateOf, numberOrNull, rowReader, textOrNull as text, type Row } from '../db/row-reader';
import type { DeliveryAddress } from './address';
import { downloadsLeft } from '../downloads/license-rules';
import type { LinkState, OrderTier } from '../order-access/tier';
import { isProductKind } from '../catalog/kinds';
import { FULFILMENT, type OrderPageSection } from '../fulfilment/kinds';
import { isOrderStatus, ORDER_LIFE, type OrderStatus } from '../order-states/states';

export interface OrderExistsView {
  tier: 'EXISTS';
  number: string;
  placedAt: Date;
  linkExpired: boolean;
}

export interface OrderLineView {
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  /** The line was refunded or cancelled: what it granted is revoked. */
  takenBack: boolean;
}

/** Where the order stands with its money; no personal data. */
export interface PaymentView {
  /** Waiting for money: the page offers a way to pay (or, by transfer, says how). */
  payable: boolean;
  byTransfer: boolean;
  payBy: Date | null;
  declined: boolean;
  refundedCents: number;
}

export interface RefundView { amountCents: number; at: Date }

export interface OrderMinimalView {
  tier: 'MINIMAL';
  number: string;
  placedAt: Date;
  status: OrderStatus;
  payment: PaymentView;
  currency: string;
  items: OrderLineView[];
  /** What the lines gave the buyer, by each kind's FULFILMENT entry: shipped cards, downloads, reading. */
  sections: OrderPageSection[];
  subtotalCents: number;
  discountCents: number;
  couponCode: string | null;
  shippingCents: number;
  totalCents: number;
  testMode: boolean;
}

export interface DownloadView {
  licenseId: number;
  productSlug: string;
  productName: string;
  status: string;
  downloadsLeft: number | null;
  expiresAt: Date | null;
  available: boolean;
}

/** Why a download can or cannot be had now: each reason the page says, with what to do next. */
export type DownloadState = 'ready' | 'revoked' | 'expired' | 'used-up' | 'no-file';

/** The first thing that stops the download, in the order the download endpoint checks them; `ready` when nothing does. */
export function downloadStateOf(download: Pick<DownloadView, 'status' | 'expiresAt' | 'downloadsLeft' | 'available'>, now: Date): DownloadState {
  if (download.status !== 'active') return 'revoked';
  if (download.expiresAt && download.expiresAt.getTime() < now.getTime()) return 'expired';
  if (download.downloadsLeft === 0) return 'used-up';
  return download.available ? 'ready' : 'no-file';
}

/** Something in the order is posted (a `delivery` section): its status and headings speak of delivery. */
export const isShipped = (view: Pick<OrderMinimalView, 'sections'>) => view.sections.includes('delivery');

export interface OrderFullView extends Omit<OrderMinimalView, 'tier'> {
  tier: 'FULL';
  downloads: DownloadView[];
  email: string;
  fullName: string;
  company: string | null;
  phone: string | null;
  /** A gift: the delivery address is the recipient's. */
  recipient: { name: string; email: string; message: string | null } | null;
  address: DeliveryAddress;
  dispatchedAt: Date | null;
  canCorrectAddress: boolean;
  paidAt: Date | null;
  refunds: RefundView[];
}

export type OrderView = OrderExistsView | OrderMinimalView | OrderFullView;

// Columns by the aliases the statements below give their tables (lib/db/columns.ts).
const o = Order.as('o'), i = OrderItem.as('i'), l = License.as('l'), p = Product.as('p'), f = FileSource.as('f'), r = Refund.as('r');

// Each tier's columns, and nothing more: personal data stays in the database for the tiers below FULL.
const SUMMARY = `${o.number}, ${o.placedAt}, ${o.status}, ${o.currency}, ${o.subtotalCents}, ${o.discountCents},
  ${o.couponCode}, ${o.shippingCents}, ${o.totalCents}, ${o.testMode}, ${o.paymentProvider}, ${o.payBy}, ${o.refundedCents}`;
const PERSONAL = `${o.email}, ${o.fullName}, ${o.company}, ${o.phone}, ${o.dispatchedAt}, ${o.recipientName},
  ${o.recipientEmail}, ${o.giftMessage}, ${o.addressLine1}, ${o.addressLine2}, ${o.city}, ${o.postalCode}, ${o.country}, ${o.paidAt}`;

/** Every statement the order view runs, named `order-view-{key}`. */
export const QUERIES = {
  exists: `SELECT ${o.number}, ${o.placedAt} FROM ${Order} o WHERE ${o.number} = ?`,
  minimal: `SELECT ${SUMMARY} FROM ${Order} o WHERE ${o.number} = ?`,
  full: `SELECT ${SUMMARY}, ${PERSONAL} FROM ${Order} o WHERE ${o.number} = ?`,
  items: `SELECT ${i.productName}, ${i.quantity}, ${i.unitPriceCents}, ${i.lineTotalCents}, ${i.takenBackAt}, ${p.kind}
    FROM ${OrderItem} i JOIN ${Order} o ON ${o.id} = ${i.orderId} JOIN ${Product} p ON ${p.id} = ${i.productId} WHERE ${o.number} = ? ORDER BY ${i.id}`,
  licenses: `SELECT ${l.id}, ${l.status}, ${l.downloadLimit}, ${l.downloadCount}, ${l.expiresAt},
      ${p.slug} AS "productSlug", ${i.productName} AS "productName", ${f.kind} AS "sourceKind"
    FROM ${License} l JOIN ${Order} o ON ${o.id} = ${l.orderId} JOIN ${Product} p ON ${p.id} = ${l.productId}
    JOIN ${OrderItem} i ON ${i.id} = ${l.orderItemId}
    LEFT JOIN ${FileSource} f ON ${f.productId} = ${l.productId}
    WHERE ${o.number} = ? ORDER BY ${l.id}`,
  refunds: `SELECT ${r.amountCents}, ${r.settledAt} FROM ${Refund} r JOIN ${Order} o ON ${o.id} = ${r.orderId}
    WHERE ${o.number} = ? AND ${r.status} = 'succeeded' ORDER BY ${r.settledAt}`,
} as const;

/** The order page's sections for an order's product kinds (a `delivery` section: something is posted). */
export function sectionsOfKinds(kinds: readonly string[]): OrderPageSection[] {
  return [...new Set(kinds.filter(isProductKind).map((kind) => FULFILMENT[kind].orderPageSection))];
}

const sectionsOf = (items: Row[]) => sectionsOfKinds(items.map((item) => String(item.kind)));

/** A stored status, checked: an unknown one is a fault in the data, not a visitor's. */
export function checkedStatus(number: string, status: string): OrderStatus {
  if (!isOrderStatus(status)) throw new Error(`order ${number} has an unknown status ${status}`);
  return status;
}

const statusOf = (row: Row) => checkedStatus(String(row.number), String(row.status));

function paymentOf(row: Row, status: OrderStatus): PaymentView {
  return {
    payable: ORDER_LIFE[status].payable, byTransfer: String(row.paymentProvider) === 'manual', payBy: dateOf(row.payBy),
    declined: status === 'payment_failed', refundedCents: Number(row.refundedCents),
  };
}

function summaryOf(row: Row, items: Row[]): Omit<OrderMinimalView, 'tier'> {
  const status = statusOf(row);
  return {
    number: String(row.number), placedAt: dateOf(row.placedAt)!, status, payment: paymentOf(row, status), currency: String(row.currency),
    items: items.map((i) => ({
      name: String(i.productName), quantity: Number(i.quantity), unitPriceCents: Number(i.unitPriceCents), lineTotalCents: Number(i.lineTotalCents),
      takenBack: dateOf(i.takenBackAt) !== null,
    })),
    sections: sectionsOf(items),
    subtotalCents: Number(row.subtotalCents), discountCents: Number(row.discountCents), couponCode: text(row.couponCode),
    shippingCents: Number(row.shippingCents), totalCents: Number(row.totalCents), testMode: Boolean(row.testMode),
  };
}

function downloadOf(row: Row): DownloadView {
  const license = { downloadLimit: numberOrNull(row.downloadLimit), downloadCount: Number(row.downloadCount) };
  return {
    licenseId: Number(row.id), productSlug: String(row.productSlug), productName: String(row.productName),
    status: String(row.status), downloadsLeft: downloadsLeft(license), expiresAt: dateOf(row.expiresAt),
    available: (text(row.sourceKind) ?? 'none') !== 'none',
  };
}

function fullOf(row: Row, items: Row[], licenses: Row[], refunds: Row[]): OrderFullView {
  const recipientName = text(row.recipientName);
  const recipientEmail = text(row.recipientEmail);
  const addressLine1 = String(row.addressLine1);
  const dispatchedAt = dateOf(row.dispatchedAt);
  return {
    tier: 'FULL', ...summaryOf(row, items),
    email: String(row.email), fullName: String(row.fullName), company: text(row.company), phone: text(row.phone),
    recipient: recipientName && recipientEmail ? { name: recipientName, email: recipientEmail, message: text(row.giftMessage) } : null,
    downloads: licenses.map(downloadOf),
    address: { addressLine1, addressLine2: String(row.addressLine2), city: String(row.city), postalCode: String(row.postalCode), country: String(row.country) },
    dispatchedAt,
    canCorrectAddress: ORDER_LIFE[statusOf(row)].addressEditable && !dispatchedAt && addressLine1 !== '',
    paidAt: dateOf(row.paidAt),
    refunds: refunds.map((refund) => ({ amountCents: Number(refund.amountCents), at: dateOf(refund.settledAt)! })),
  };
}

/** Returns null when no order has that number. Read on the driver (lib/db/row-reader.ts): the order page is hot. */
export async function loadOrderView(db: Db, number: string, tier: OrderTier, link: LinkState): Promise<OrderView | null> {
  const reader = rowReader(db);
  const read = (name: keyof typeof QUERIES) => reader.all(`order-view-${name}`, QUERIES[name], [number]);
  if (tier === 'EXISTS') {
    const [row] = await read('exists');
    return row ? { tier, number: String(row.number), placedAt: dateOf(row.placedAt)!, linkExpired: link === 'expired' } : null;
  }
  if (tier === 'MINIMAL') {
    const [[row], items] = await Promise.all([read('minimal'), read('items')]);
    return row ? { tier, ...summaryOf(row, items) } : null;
  }
  const [[row], items, licenses, refunds] = await Promise.all([read('full'), read('items'), read('licenses'), read('refunds')]);
  return row ? fullOf(row, items, licenses, refunds) : null;
}
