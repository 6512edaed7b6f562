// The texts of the order emails. Each carries the absolute signed order link.
import { formatMoney } from '../money';
import { countryName } from './countries';
import type { OutgoingMail } from '../mail/outbox';
import type { IssuedLink } from '../content-links/issue';

interface MailOrder {
  id: number;
  number: string;
  email: string;
  fullName: string;
  currency: string;
  totalCents: number;
  items: { productName: string; quantity: number }[];
  addressLine1: string; addressLine2: string; city: string; postalCode: string; country: string;
}

const itemLines = (order: MailOrder) => order.items.map((item) => `  ${item.quantity} × ${item.productName}`).join('\n');

const addressLines = (order: MailOrder) =>
  [order.fullName, order.addressLine1, order.addressLine2, `${order.postalCode} ${order.city}`, countryName(order.country)]
    .filter(Boolean).map((line) => `  ${line}`).join('\n');

/** Content-only orders have no address: nothing is posted. */
const hasDelivery = (order: MailOrder) => order.addressLine1 !== '';

export function readingLines(links: readonly IssuedLink[]): string[] {
  if (links.length === 0) return [];
  return [
    'Read online (these links work on any device, without an account, until the date shown):', '',
    ...links.flatMap((l) => [`  ${l.title} (until ${l.expiresAt.toISOString().slice(0, 10)}):`, `  ${l.url}`, '']),
  ];
}

export function confirmationMail(order: MailOrder, link: string, contentLinks: readonly IssuedLink[] = []): OutgoingMail {
  return {
    kind: 'order-confirmation',
    orderId: order.id,
    recipient: order.email,
    subject: `Your order #${order.number} is confirmed`,
    text: [
      `Hello ${order.fullName},`, '',
      `thank you for your order #${order.number} (${formatMoney(order.totalCents, order.currency)}).`, '',
      itemLines(order), '',
      ...readingLines(contentLinks),
      ...(hasDelivery(order) ? [
        'We will deliver it to:', addressLines(order), '',
        'Please check your order and delivery address here; you can correct the address until we dispatch it:',
      ] : ['Your order page:']),
      link, '',
      'Keep this link to yourself: anyone who has it can see what you ordered.',
    ].join('\n'),
  };
}

export function dispatchMail(order: MailOrder, link: string): OutgoingMail {
  return {
    kind: 'order-dispatched',
    orderId: order.id,
    recipient: order.email,
    subject: `Your order #${order.number} is on its way`,
    text: [
      `Hello ${order.fullName},`, '',
      `your order #${order.number} has been dispatched to:`, addressLines(order), '',
      itemLines(order), '',
      `Order details: ${link}`,
    ].join('\n'),
  };
}
