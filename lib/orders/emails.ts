// The texts of the order emails, in the order's language (dates and country names through Intl).
// Each carries the absolute signed order link. The confirmation goes to the buyer and lists what
// the order gives: the delivery address of what is posted, the downloads, the reading links;
// the dispatch notice goes to whoever receives the parcel.
import { formatMoney } from '../money';
import { moneyLocale, translatorFor } from '../i18n/messages';
import { formatDateTime } from '../i18n/intl';
import { countryName } from '../catalog/countries';
import type { ProductKind } from '../catalog/kinds';
import { FULFILMENT } from '../fulfilment/kinds';
import type { OutgoingMail } from '../mail/outbox';
import type { IssuedLink } from '../content-links/issue';
import { readingLines } from '../content-links/reading-lines';

interface MailOrder {
  id: number;
  number: string;
  email: string;
  fullName: string;
  currency: string;
  totalCents: number;
  language: string;
  testMode: boolean;
  recipientName: string | null;
  recipientEmail: string | null;
  giftMessage: string | null;
  items: MailItem[];
  addressLine1: string; addressLine2: string; city: string; postalCode: string; country: string;
  /** When an unpaid order expires (the transfer instructions say it). */
  payBy?: Date | null;
}

interface MailItem {
  productName: string;
  quantity: number;
  unitPriceCents: number;
  /** The product as it was sold, where the sender read it (the confirmation lists the downloads by it). */
  product?: { kind: ProductKind; downloadLimit?: number | null; licenseDays?: number | null };
}

/** With unit prices for the buyer; without for a gift's recipient, who should not learn what it cost. */
const itemLines = (order: MailOrder, withPrices = true) => order.items
  .map((item) => `  ${item.quantity} × ${item.productName}`
    + (withPrices ? ` (${formatMoney(item.unitPriceCents, order.currency, moneyLocale(order.language))})` : '')).join('\n');

const addressLines = (order: MailOrder) =>
  [order.recipientName ?? order.fullName, order.addressLine1, order.addressLine2, `${order.postalCode} ${order.city}`, countryName(order.country, order.language)]
    .filter(Boolean).map((line) => `  ${line}`).join('\n');

/** The files the order's downloads give, each with its limit and how long it may be downloaded; they wait on the order page. */
function downloadLines(order: MailOrder): string[] {
  const t = translatorFor(order.language, 'Email');
  const downloads = order.items.filter((item) => item.product && FULFILMENT[item.product.kind].orderPageSection === 'downloads');
  if (downloads.length === 0) return [];
  return [t('downloadsReady'), ...downloads.map(({ productName, product }) => {
    const { downloadLimit, licenseDays } = product!;
    const terms = [
      downloadLimit === null ? t('downloadsUnlimited') : downloadLimit === undefined ? null : t('downloadsLimit', { count: downloadLimit }),
      licenseDays === null || licenseDays === undefined ? null : t('downloadsFor', { days: licenseDays }),
    ].filter((term) => term !== null);
    return `  ${productName}${terms.length > 0 ? ` (${terms.join(', ')})` : ''}`;
  }), ''];
}

/** A software product's license key, with how many installations it may activate. */
export interface MailLicenseKey { productName: string; licenseKey: string; activationLimit: number | null }

function licenseKeyLines(order: MailOrder, keys: readonly MailLicenseKey[]): string[] {
  if (keys.length === 0) return [];
  const t = translatorFor(order.language, 'Email');
  return [t('licenseKeys'), ...keys.map((key) => `  ${key.productName}: ${key.licenseKey} (${key.activationLimit === null
    ? t('activationsUnlimited') : t('activationsLimit', { count: key.activationLimit })})`), ''];
}

function mailText(order: MailOrder, lines: (string | null)[]) {
  const t = translatorFor(order.language, 'Email');
  return [...(order.testMode ? [t('testNote'), ''] : []), ...lines.filter((line): line is string => line !== null)].join('\n');
}

/** Content-only orders have no address: nothing is posted. */
const hasDelivery = (order: MailOrder) => order.addressLine1 !== '';

/** The signed reading links of the articles and passes an order bought (or a fresh-link mail carries). */
export function confirmationMail(order: MailOrder, link: string, contentLinks: readonly IssuedLink[] = [], licenseKeys: readonly MailLicenseKey[] = []): OutgoingMail {
  const t = translatorFor(order.language, 'Email');
  const gift = order.recipientName && order.recipientEmail
    ? [t('giftFor', { name: order.recipientName, email: order.recipientEmail }), ...(order.giftMessage ? [`  ${order.giftMessage}`] : []), ''] : [];
  return {
    kind: 'order-confirmation',
    orderId: order.id,
    recipient: order.email,
    subject: (order.testMode ? t('test') : '') + t('confirmSubject', { number: order.number }),
    text: mailText(order, [
      t('hello', { name: order.fullName }), '',
      t('thanks', { number: order.number, total: formatMoney(order.totalCents, order.currency, moneyLocale(order.language)) }), '',
      itemLines(order), '',
      ...gift,
      ...downloadLines(order),
      ...licenseKeyLines(order, licenseKeys),
      ...readingLines(contentLinks, order.language),
      ...(hasDelivery(order) ? [t('deliverTo'), addressLines(order), '', t('checkLink')] : [t('orderPage')]),
      link, '',
      t('keepPrivate'),
    ]),
  };
}

/** To the gift recipient when there is one (who gets no order link: the order is the buyer's), else to the buyer. */
export function dispatchMail(order: MailOrder, link: string): OutgoingMail {
  const t = translatorFor(order.language, 'Email');
  const gift = order.recipientEmail && order.recipientName ? { name: order.recipientName, email: order.recipientEmail } : null;
  const subject = gift ? t('giftDispatchSubject', { sender: order.fullName }) : t('dispatchSubject', { number: order.number });
  return {
    kind: 'order-dispatched', orderId: order.id, recipient: gift?.email ?? order.email,
    subject: (order.testMode ? t('test') : '') + subject,
    text: mailText(order, [
      t('hello', { name: gift?.name ?? order.fullName }), '',
      gift ? t('giftDispatched', { sender: order.fullName }) : t('dispatched', { number: order.number }), addressLines(order), '',
      itemLines(order, !gift), '',
      gift ? (order.giftMessage ? `  ${order.giftMessage}` : null) : t('details', { link }),
    ]),
  };
}

type EmailKey = Parameters<ReturnType<typeof translatorFor<'Email'>>>[0];

/** A mail to the buyer about their order: its subject (marked for a test order), a greeting, then `lines`. */
function toBuyer(order: MailOrder, kind: string, subject: EmailKey, lines: (string | null)[]): OutgoingMail {
  const t = translatorFor(order.language, 'Email');
  return {
    kind, orderId: order.id, recipient: order.email,
    subject: (order.testMode ? t('test') : '') + t(subject, { number: order.number }),
    text: mailText(order, [t('hello', { name: order.fullName }), '', ...lines]),
  };
}

const moneyIn = (order: MailOrder, cents: number) => formatMoney(cents, order.currency, moneyLocale(order.language));

/** A bank-transfer order, right after it is placed: how to pay. */
export function awaitingTransferMail(order: MailOrder, link: string): OutgoingMail {
  const t = translatorFor(order.language, 'Email');
  return toBuyer(order, 'order-awaiting-payment', 'awaitingSubject', [
    t('awaitingTransfer', { number: order.number, total: moneyIn(order, order.totalCents) }),
    order.payBy ? t('payBy', { date: formatDateTime(order.payBy, order.language) }) : null, '',
    itemLines(order), '',
    t('orderPage'), link, '',
    t('keepPrivate'),
  ]);
}

/** Money given back: how much, why, and which lines stop working. */
export function refundMail(order: MailOrder, refund: { amountCents: number; reason: string; lines: readonly string[] }, link: string): OutgoingMail {
  const t = translatorFor(order.language, 'Email');
  return toBuyer(order, 'order-refunded', 'refundSubject', [
    t('refunded', { amount: moneyIn(order, refund.amountCents), number: order.number }),
    refund.reason ? t('refundReason', { reason: refund.reason }) : null, '',
    ...(refund.lines.length > 0 ? [t('refundedLines'), ...refund.lines.map((line) => `  ${line}`), ''] : []),
    t('orderPage'), link,
  ]);
}
