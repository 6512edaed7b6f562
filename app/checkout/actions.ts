'use server';

import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { deliverMailSoon } from '@/lib/server/mail';
import { checkoutSchemaFor, CHECKOUT_FIELDS } from '@/lib/checkout/customer-input';
import { kindsOf } from '@/lib/catalog/products';
import { needsDelivery } from '@/lib/fulfilment/kinds';
import { contentLinkSigner } from '@/lib/server/content-links';
import { formValues, parseInput, type FieldErrors } from '@/lib/forms';
import { InputInvalid } from '@/lib/errors';
import { requestClientIp } from '@/lib/server/client-ip';
import { rateLimits } from '@/lib/server/rate-limits';
import { actionRefusal } from '@/lib/server/refusals';
import { placeOrder } from '@/lib/checkout/place-order';
import { CartError, parseQuantity } from '@/lib/checkout/cart';
import { DraftGone } from '@/lib/checkout/errors';
import { draftLines, draftTerms, loadCheckoutDraft, lockedCheckoutFields } from '@/lib/checkout/draft';
import { CouponError } from '@/lib/coupons/errors';
import { localeFor } from '@/lib/i18n/locales';
import { rememberOrder, shopperCurrency } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';

export interface CheckoutState {
  errors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
}

/** The quantities the shopper set for items the merchant lets them change (`quantity:<slug>` fields). */
function chosenQuantities(form: FormData): Map<string, number> {
  const chosen = new Map<string, number>();
  for (const [name, value] of form.entries()) {
    if (!name.startsWith('quantity:')) continue;
    try {
      chosen.set(name.slice('quantity:'.length), parseQuantity(value));
    } catch (error) {
      throw error instanceof CartError ? new InputInvalid({ [name]: error.reason }) : error;
    }
  }
  return chosen;
}

type Draft = Awaited<ReturnType<typeof loadCheckoutDraft>>;
type Session = Awaited<ReturnType<typeof getShopSession>>;

/** Validates, places the order and empties what it came from; the signed order path. */
async function place(form: FormData, session: Session, draft: Draft, typed: Record<string, string>, now: Date) {
  // What the merchant's payload fixed wins over anything the browser sent.
  const values = { ...typed, ...(draft ? lockedCheckoutFields(draft.payload) : {}) };
  const quantities = chosenQuantities(form);
  const lines = draft ? draftLines(draft, session.cart ?? [], quantities) : session.cart ?? [];
  const customer = parseInput(checkoutSchemaFor(needsDelivery(await kindsOf(db(), lines.map((line) => line.slug)))), values);
  const couponCode = typed.coupon.trim() || undefined;
  const terms = draft ? draftTerms(draft, couponCode) : { currency: shopperCurrency(session), couponCode, language: localeFor(await getLocale()) };
  await rateLimits().consume('checkout', await requestClientIp());
  const { settings: { publicUrl }, rings } = shop();
  const placed = await placeOrder(db(), lines, customer, { ring: rings.orders, publicUrl, now, contentSigner: await contentLinkSigner(now) }, terms);
  session.orders = rememberOrder(session.orders, placed.number);
  if (draft) session.checkoutDraftId = undefined;
  else session.cart = [];
  await session.save();
  return placed.signedPath;
}

async function refusalState(error: unknown): Promise<CheckoutState> {
  const { message, fields } = await actionRefusal(error, 'checkout');
  if (fields) return { errors: fields };
  return error instanceof CouponError ? { errors: { coupon: message } } : { formError: message };
}

export async function placeOrderAction(_prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const session = await getShopSession();
  const now = new Date();
  const draft = session.checkoutDraftId ? await loadCheckoutDraft(db(), session.checkoutDraftId, now) : null;
  const typed = { ...formValues(form, [...CHECKOUT_FIELDS, 'coupon']) };
  let signedPath: string;
  try {
    if (session.checkoutDraftId && !draft) {
      // Expired or already placed: forget it, so the next attempt checks out the shopper's own cart.
      session.checkoutDraftId = undefined;
      await session.save();
      throw new DraftGone();
    }
    signedPath = await place(form, session, draft, typed, now);
  } catch (error) {
    return { ...(await refusalState(error)), values: typed };
  }
  deliverMailSoon();
  redirect(signedPath);
}
