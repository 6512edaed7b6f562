'use server';

import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { deliverMailSoon } from '@/lib/server/mail';
import { CHECKOUT_FIELDS } from '@/lib/checkout/customer-input';
import { checkout } from '@/lib/checkout/submit';
import { contentLinkSigner } from '@/lib/server/content-links';
import { formValues, type FieldErrors } from '@/lib/forms';
import { requestClientIp } from '@/lib/server/client-ip';
import { rateLimits } from '@/lib/server/rate-limits';
import { actionRefusal } from '@/lib/server/refusals';
import { DraftGone } from '@/lib/checkout/errors';
import { loadCheckoutDraft, type CheckoutDraft } from '@/lib/checkout/draft';
import { CouponError } from '@/lib/coupons/errors';
import { localeFor } from '@/lib/i18n/locales';
import { rememberOrder, shopperCurrency } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';
import { beginPayment } from '@/lib/payments/start';
import { paymentProvider, payWithinMs } from '@/lib/server/payments';
import { ShopError } from '@/lib/errors';

export interface CheckoutState {
  errors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
}

type Session = Awaited<ReturnType<typeof getShopSession>>;

/** Places the order and empties what it came from; the order's number, signed path, and whether it is paid already. */
async function place(form: FormData, session: Session, draft: CheckoutDraft | null, typed: Record<string, string>, now: Date) {
  const quantities = [...form.entries()].flatMap(([name, value]) => (name.startsWith('quantity:') ? [[name, String(value)] as [string, string]] : []));
  const { settings: { publicUrl }, rings } = shop();
  const placed = await checkout(db(), {
    draft, cart: session.cart ?? [], typed, quantities, currency: shopperCurrency(session), language: localeFor(await getLocale()),
  }, { ring: rings.orders, publicUrl, now, contentSigner: await contentLinkSigner(now), provider: paymentProvider().name, payWithinMs: payWithinMs() }, async () => {
    await rateLimits().consume('checkout', await requestClientIp());
  });
  session.orders = rememberOrder(session.orders, placed.number);
  if (draft) session.checkoutDraftId = undefined;
  else session.cart = [];
  await session.save();
  return placed;
}

/** Where the buyer goes to pay. A provider that does not answer leaves the order waiting: its page offers "Pay now". */
async function paymentPage(placed: { number: string; signedPath: string; paid: boolean }, now: Date): Promise<string> {
  if (placed.paid) return placed.signedPath;
  const { settings: { publicUrl }, rings } = shop();
  try {
    return (await beginPayment(db(), paymentProvider(), placed.number, { ring: rings.orders, publicUrl, now })).redirectTo;
  } catch (error) {
    if (!(error instanceof ShopError)) throw error;
    console.warn(`[checkout] order ${placed.number} placed; starting its payment failed: ${error.code}`);
    return placed.signedPath;
  }
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
  let next: string;
  try {
    if (session.checkoutDraftId && !draft) {
      // Expired or already placed: forget it, so the next attempt checks out the shopper's own cart.
      session.checkoutDraftId = undefined;
      await session.save();
      throw new DraftGone();
    }
    next = await paymentPage(await place(form, session, draft, typed, now), now);
  } catch (error) {
    return { ...(await refusalState(error)), values: typed };
  }
  deliverMailSoon();
  redirect(next);
}
