'use server';

import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { deliverMailSoon } from '@/lib/server/mail';
import { checkoutSchemaFor, CHECKOUT_FIELDS } from '@/lib/checkout/customer-input';
import { kindsOf } from '@/lib/catalog/products';
import { needsDelivery } from '@/lib/fulfilment/kinds';
import { contentLinkSigner } from '@/lib/server/content-links';
import { formValues, parseWith, type FieldErrors } from '@/lib/forms';
import { requestClientIp } from '@/lib/server/client-ip';
import { rateLimits } from '@/lib/server/rate-limits';
import { placeOrder } from '@/lib/checkout/place-order';
import { CartError, parseQuantity } from '@/lib/checkout/cart';
import { draftLines, draftTerms, loadCheckoutDraft, lockedCheckoutFields } from '@/lib/checkout/draft';
import { publicError } from '@/lib/http/errors';
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
function chosenQuantities(form: FormData): Map<string, number> | FieldErrors {
  const chosen = new Map<string, number>();
  for (const [name, value] of form.entries()) {
    if (!name.startsWith('quantity:')) continue;
    try {
      chosen.set(name.slice('quantity:'.length), parseQuantity(value));
    } catch (error) {
      if (error instanceof CartError) return { [name]: error.message };
      throw error;
    }
  }
  return chosen;
}

export async function placeOrderAction(_prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const session = await getShopSession();
  const now = new Date();
  const draft = session.checkoutDraftId ? await loadCheckoutDraft(db(), session.checkoutDraftId, now) : null;
  const typed = { ...formValues(form, [...CHECKOUT_FIELDS, 'coupon']) };
  if (session.checkoutDraftId && !draft) {
    // Expired or already placed: forget it, so the next attempt checks out the shopper's own cart.
    session.checkoutDraftId = undefined;
    await session.save();
    return { formError: (await getTranslations('Checkout'))('draftGone'), values: typed };
  }
  // What the merchant's payload fixed wins over anything the browser sent.
  const values = { ...typed, ...(draft ? lockedCheckoutFields(draft.payload) : {}) };
  const quantities = chosenQuantities(form);
  if (!(quantities instanceof Map)) return { errors: quantities, values: typed };
  const lines = draft ? draftLines(draft, session.cart ?? [], quantities) : session.cart ?? [];
  const delivery = needsDelivery(await kindsOf(db(), lines.map((line) => line.slug)));
  const parsed = parseWith(checkoutSchemaFor(delivery), values);
  if (!parsed.ok) return { errors: parsed.errors, values: typed };

  const couponCode = typed.coupon.trim() || undefined;
  const terms = draft ? draftTerms(draft, couponCode) : { currency: shopperCurrency(session), couponCode, language: localeFor(await getLocale()) };
  let signedPath: string;
  try {
    await rateLimits().consume('checkout', await requestClientIp());
    const { settings: { publicUrl }, rings } = shop();
    const contentSigner = await contentLinkSigner(now);
    const placed = await placeOrder(db(), lines, parsed.value, { ring: rings.orders, publicUrl, now, contentSigner }, terms);
    session.orders = rememberOrder(session.orders, placed.number);
    if (draft) session.checkoutDraftId = undefined;
    else session.cart = [];
    await session.save();
    signedPath = placed.signedPath;
  } catch (error) {
    const refusal = publicError(error, 'checkout');
    if (refusal.status >= 500) throw error;
    return error instanceof CouponError ? { errors: { coupon: refusal.message }, values: typed } : { formError: refusal.message, values: typed };
  }
  deliverMailSoon();
  redirect(signedPath);
}
