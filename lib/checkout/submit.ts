// Checkout from the shopper's submitted form: the cart, or the merchant's draft, becomes lines;
// the buyer's details are validated (an address only when a line is shipped, lib/fulfilment);
// the order is placed with the one pricing function. The form's adapter keeps the session.
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
import { draftLines, draftTerms, lockedCheckoutFields, type CheckoutDraft } from './draft';
import { placeOrder, type PlaceOrderContext } from './place-order';

export interface CheckoutSubmission {
  /** The merchant's draft this browser holds, or null to check out the cart. */
  draft: CheckoutDraft | null;
  cart: readonly CartLine[];
  /** The form's fields as typed (contact, address, `coupon`) and its `quantity:<slug>` fields. */
  typed: Record<string, string>;
  quantities: readonly [name: string, value: string][];
  /** The shopper's own currency and language, for a cart checkout (a draft fixes both). */
  currency: Currency;
  language: Locale;
}

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

/** `admit` runs once the input is valid, before anything is written (the checkout rate limit). */
export async function checkout(db: Db, submission: CheckoutSubmission, ctx: PlaceOrderContext, admit: () => Promise<void> = async () => {}) {
  const { draft, typed } = submission;
  // What the merchant's payload fixed wins over anything the browser sent.
  const values = { ...typed, ...(draft ? lockedCheckoutFields(draft.payload) : {}) };
  const lines = draft ? draftLines(draft, submission.cart, chosenQuantities(submission.quantities)) : [...submission.cart];
  const delivery = needsDelivery(await kindsOf(db, lines.map((line) => line.slug)));
  const customer = parseInput(checkoutSchemaFor(delivery), values);
  const couponCode = typed.coupon?.trim() || undefined;
  const terms = draft ? draftTerms(draft, couponCode) : { currency: submission.currency, couponCode, language: submission.language };
  await admit();
  return placeOrder(db, lines, customer, ctx, terms);
}
