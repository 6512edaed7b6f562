// Checkout from the shopper's submitted form: the cart, or the merchant's draft, becomes lines;
// the buyer's details are validated (an address only when a line is shipped, lib/fulfilment);
// the order is placed with the one pricing function. A cart order that is posted is priced in
// its delivery country's currency, with that currency's shipping; when that is not the currency
// the page showed, nothing is placed and the shopper sees the new total first. The form's
// adapter keeps the session.
import type { Db } from '../db/client';
import { InputInvalid } from '../errors';
import { parseInput } from '../forms';
import { kindsOf } from '../catalog/products';
import type { Currency } from '../catalog/currencies';
import type { Locale } from '../i18n/locales';
import type { CartLine } from '../session/session';
import { needsDelivery } from '../fulfilment/kinds';
import { CartError, parseQuantity } from './cart';
import { checkoutSchemaFor } from './customer-input';
import { EmptyCart, UnknownProducts } from './errors';
import { draftLines, draftTerms, lockedCheckoutFields, type CheckoutDraft } from './draft';
import { placeOrder, type OrderTerms, type PlaceOrderContext } from './place-order';
import { priceOrder, pricingCurrency, type OrderLine, type Totals } from './pricing';

export interface CheckoutSubmission {
  /** The merchant's draft this browser holds, or null to check out the cart. */
  draft: CheckoutDraft | null;
  cart: readonly CartLine[];
  /** The form's fields as typed (contact, address, `coupon`) and its `quantity:<slug>` fields. */
  typed: Record<string, string>;
  quantities: readonly [name: string, value: string][];
  /** The shopper's own currency and language, for a cart checkout (a draft fixes both); an order with nothing to post pays in this currency. */
  currency: Currency;
  language: Locale;
  /** The currency the page showed the total in (else `currency`): an order charged in another is confirmed first. */
  shownCurrency?: Currency;
}

/** Placed: the order's number, its signed path, and whether it is paid already (nothing to pay). */
export type Placed = { kind: 'placed' } & Awaited<ReturnType<typeof placeOrder>>;

/** Not placed: the order costs this in another currency than the page showed (the delivery country's, if any). */
export interface Repriced {
  kind: 'repriced';
  country: string | null;
  totals: Totals;
}

export type CheckoutOutcome = Placed | Repriced;

/** The quantities the shopper set for items the merchant lets them change (`quantity:<slug>` fields). */
function chosenQuantities(fields: readonly [string, string][]): Map<string, number> {
  const chosen = new Map<string, number>();
  for (const [name, value] of fields) {
    try {
      chosen.set(name.slice('quantity:'.length), parseQuantity(value));
    } catch (error) {
      throw error instanceof CartError ? new InputInvalid({ [name]: error.reason }) : error;
    }
  }
  return chosen;
}

/** What a cart order is priced in: the shopper's currency, unless something is posted to a country that pays in another. */
function cartTerms(submission: CheckoutSubmission, couponCode: string | undefined, deliveryCountry: string | null): OrderTerms {
  return { currency: submission.currency, couponCode, language: submission.language, ...(deliveryCountry ? { deliveryCountry } : {}) };
}

/** Nothing placed, the new total instead, when the order would be charged in another currency than the page showed. */
async function repricing(db: Db, lines: readonly OrderLine[], terms: OrderTerms, shown: Currency, now: Date): Promise<Repriced | null> {
  if (pricingCurrency(terms) === shown) return null;
  if (lines.length === 0) throw new EmptyCart();
  const { subtotalCents, discountCents, shippingCents, totalCents, currency, missing } = await priceOrder(db, lines, terms, now);
  if (missing.length > 0) throw new UnknownProducts(missing);
  return { kind: 'repriced', country: terms.deliveryCountry ?? null, totals: { subtotalCents, discountCents, shippingCents, totalCents, currency } };
}

/** `admit` runs once the input is valid, before anything is written (the checkout rate limit). */
export async function checkout(db: Db, submission: CheckoutSubmission, ctx: PlaceOrderContext, admit: () => Promise<void> = async () => {}): Promise<CheckoutOutcome> {
  const { draft, typed } = submission;
  // What the merchant's payload fixed wins over anything the browser sent.
  const values = { ...typed, ...(draft ? lockedCheckoutFields(draft.payload) : {}) };
  const lines = draft ? draftLines(draft, submission.cart, chosenQuantities(submission.quantities)) : [...submission.cart];
  const delivery = needsDelivery(await kindsOf(db, lines.map((line) => line.slug)));
  const customer = parseInput(checkoutSchemaFor(delivery), values);
  const couponCode = typed.coupon?.trim() || undefined;
  // A merchant's draft fixed its currency (and agreed its prices in it); a cart follows where it is sent.
  const terms = draft ? draftTerms(draft, couponCode) : cartTerms(submission, couponCode, delivery ? customer.country : null);
  const repriced = draft ? null : await repricing(db, lines, terms, submission.shownCurrency ?? submission.currency, ctx.now);
  if (repriced) return repriced;
  await admit();
  return { kind: 'placed', ...(await placeOrder(db, lines, customer, ctx, terms)) };
}
