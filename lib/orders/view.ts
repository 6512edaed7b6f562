// What each tier may show, and the queries that fetch exactly that: personal
// data is never read from the database for a tier that may not show it.
import type { Db } from '../db/client';
import type { DeliveryAddress } from './customer-input';
import { licensesOfOrder } from '../downloads/licenses';
import { downloadsLeft } from '../downloads/license-rules';
import type { LinkState, OrderTier } from './tier';

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
}

export interface OrderMinimalView {
  tier: 'MINIMAL';
  number: string;
  placedAt: Date;
  status: string;
  currency: string;
  items: OrderLineView[];
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
}

export type OrderView = OrderExistsView | OrderMinimalView | OrderFullView;

const itemSelect = { select: { productName: true, quantity: true, unitPriceCents: true, lineTotalCents: true }, orderBy: { id: 'asc' as const } };
const summarySelect = {
  number: true, placedAt: true, status: true, currency: true,
  subtotalCents: true, discountCents: true, couponCode: true, shippingCents: true, totalCents: true, testMode: true, items: itemSelect,
};

const lines = (items: { productName: string; quantity: number; unitPriceCents: number; lineTotalCents: number }[]) =>
  items.map(({ productName, ...rest }) => ({ name: productName, ...rest }));

/** Returns null when no order has that number. */
export async function loadOrderView(db: Db, number: string, tier: OrderTier, link: LinkState): Promise<OrderView | null> {
  if (tier === 'EXISTS') {
    const order = await db.order.findUnique({ where: { number }, select: { number: true, placedAt: true } });
    return order && { tier, ...order, linkExpired: link === 'expired' };
  }
  if (tier === 'MINIMAL') {
    const order = await db.order.findUnique({ where: { number }, select: summarySelect });
    return order && { tier, ...order, items: lines(order.items) };
  }
  // The order and its licenses side by side: one round of queries, not two.
  const [order, licenses] = await Promise.all([
    db.order.findUnique({
      where: { number },
      select: {
        ...summarySelect, email: true, fullName: true, company: true, phone: true, dispatchedAt: true,
        recipientName: true, recipientEmail: true, giftMessage: true,
        addressLine1: true, addressLine2: true, city: true, postalCode: true, country: true,
      },
    }),
    licensesOfOrder(db, { number }),
  ]);
  if (!order) return null;
  const { addressLine1, addressLine2, city, postalCode, country, items, recipientName, recipientEmail, giftMessage, ...rest } = order;
  return {
    tier, ...rest, items: lines(items),
    recipient: recipientName && recipientEmail ? { name: recipientName, email: recipientEmail, message: giftMessage } : null,
    downloads: licenses.map((license) => ({
      licenseId: license.id, productSlug: license.product.slug, productName: license.product.name,
      status: license.status, downloadsLeft: downloadsLeft(license), expiresAt: license.expiresAt,
      available: (license.product.fileSource?.kind ?? 'none') !== 'none',
    })),
    address: { addressLine1, addressLine2, city, postalCode, country },
    canCorrectAddress: order.status === 'placed' && order.addressLine1 !== '',
  };
}
