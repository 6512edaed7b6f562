// A checkout draft: a verified merchant payload kept server-side until the shopper places
// the order. The session holds only the draft's random id; the browser never holds the
// payload, and nothing it sends can change what the payload fixed (contact, prices, locked quantities).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import type { CheckoutPayload } from '../secure-payload/schema';
import { currencyForCountry, DEFAULT_CURRENCY, isCurrency, type Currency } from '../catalog/currencies';
import { accountByCustomKey } from '../accounts/accounts';
import { localeFor, type Locale } from '../i18n/locales';
import type { CartLine } from '../session/session';
import type { OrderTerms } from './place-order';
import { priceOrder, type OrderLine } from './pricing';
import { CountryNotSold, CustomPriceMissing, DuplicateItem, ProductNotSold } from './errors';

export const DRAFT_TTL_MS = 60 * 60 * 1000;

/** What the secure-payload decoder hands over once a request is decrypted, verified and validated. */
export interface OpenedCheckout {
  integration: { id: number; name: string; mode: 'live' | 'test' };
  format: string;
  payload: CheckoutPayload;
}

export interface CheckoutDraft {
  id: string;
  integrationId: number;
  testMode: boolean;
  currency: Currency;
  locale: Locale;
  accountId: number | null;
  payload: CheckoutPayload;
  expiresAt: Date;
}

function sellsTo(country: string | undefined): Currency | null {
  if (country === undefined) return null;
  const currency = currencyForCountry(country);
  if (!currency) throw new CountryNotSold(country);
  return currency;
}

/** The country whose currency the order is in: the payload's (FastSpring's rule), else the buyer's. */
export const draftCountry = (payload: CheckoutPayload) => payload.country ?? payload.contact?.country;

export function draftCurrency(payload: CheckoutPayload): Currency {
  if (payload.recipient) sellsTo(payload.recipient.address.country);
  return sellsTo(draftCountry(payload)) ?? DEFAULT_CURRENCY;
}

/** What the payload itself must get right: each product once, custom prices in the order's currency. */
function checkItems(payload: CheckoutPayload, currency: Currency) {
  const seen = new Set<string>();
  for (const item of payload.items ?? []) {
    if (seen.has(item.product)) throw new DuplicateItem(item.product);
    seen.add(item.product);
    const custom = item.pricing?.price;
    if (custom && custom[currency] === undefined) throw new CustomPriceMissing(item.product, currency);
  }
}

export async function createCheckoutDraft(db: Db, opened: OpenedCheckout, now: Date): Promise<CheckoutDraft> {
  // Validated once, by the secure-payload decoder that opened it.
  const { payload } = opened;
  const integrationId = opened.integration.id;
  const currency = draftCurrency(payload);
  checkItems(payload, currency);
  // Refuses what cannot be sold (products, coupon, total) now, not at the shopper's submit;
  // the order is priced again, and the coupon's use counted, when it is placed.
  const priced = await priceOrder(db, draftLines({ payload, currency }, []), { currency, couponCode: payload.coupon }, now);
  if (priced.missing.length > 0) throw new ProductNotSold(priced.missing);
  const account = payload.contact?.accountCustomKey
    ? await accountByCustomKey(db, integrationId, payload.contact.accountCustomKey, now) : null;
  const draft = {
    id: randomBytes(32).toString('base64url'), integrationId, testMode: opened.integration.mode === 'test',
    currency, accountId: account?.id ?? null, expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
  };
  await db.checkoutDraft.create({ data: { ...draft, payload: JSON.stringify(payload), createdAt: now } });
  return { ...draft, locale: localeFor(payload.language), payload };
}

/** The draft, unless it is unknown, expired or already turned into an order. */
export async function loadCheckoutDraft(db: Db, id: string, now: Date): Promise<CheckoutDraft | null> {
  const row = await db.checkoutDraft.findUnique({ where: { id } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime() || !isCurrency(row.currency)) return null;
  // Written by createCheckoutDraft from a validated payload, read back as it was written.
  const payload = JSON.parse(row.payload) as CheckoutPayload;
  return {
    id: row.id, integrationId: row.integrationId, testMode: row.testMode, currency: row.currency,
    locale: localeFor(payload.language), accountId: row.accountId, payload, expiresAt: row.expiresAt,
  };
}

export const quantityBehavior = (item: NonNullable<CheckoutPayload['items']>[number]) => item.pricing?.quantityBehavior ?? 'allow';

/**
 * The order lines: the payload's items with their agreed prices (in major units there, minor here) and,
 * where the merchant allows it, the quantity the shopper chose. Without items, the shopper's cart.
 */
export function draftLines(draft: Pick<CheckoutDraft, 'payload' | 'currency'>, cart: readonly CartLine[], chosen: ReadonlyMap<string, number> = new Map()): OrderLine[] {
  if (!draft.payload.items) return [...cart];
  return draft.payload.items.map((item) => {
    const price = item.pricing?.price?.[draft.currency];
    const wanted = chosen.get(item.product);
    return {
      slug: item.product,
      quantity: quantityBehavior(item) === 'allow' && wanted !== undefined ? wanted : item.quantity,
      ...(price === undefined ? {} : { customUnitPriceCents: Math.round(price * 100) }),
    };
  });
}

export function draftTerms(draft: CheckoutDraft, typedCoupon?: string): OrderTerms {
  const { recipient } = draft.payload;
  return {
    currency: draft.currency,
    couponCode: draft.payload.coupon ?? typedCoupon,
    language: draft.locale,
    recipient: recipient && { name: recipient.name, email: recipient.email, message: recipient.message },
    origin: { integrationId: draft.integrationId, testMode: draft.testMode, accountId: draft.accountId },
    draftId: draft.id,
  };
}

/** Checkout fields the payload fixed: the page shows them as text and the server ignores the form's values for them. */
export function lockedCheckoutFields(payload: CheckoutPayload): Record<string, string> {
  const locked: Record<string, string | undefined> = {};
  const { contact, recipient } = payload;
  if (contact) Object.assign(locked, { email: contact.email, fullName: `${contact.firstName} ${contact.lastName}`, company: contact.company, phone: contact.phone });
  const address = recipient ? { addressLine2: '', ...recipient.address } : contact;
  if (address) {
    for (const field of ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const) locked[field] = address[field];
  }
  return Object.fromEntries(Object.entries(locked).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
