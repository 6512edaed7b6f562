'use server';

import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { deliverMailSoon } from '@/lib/server/mail';
import { CHECKOUT_FIELDS } from '@/lib/checkout/customer-input';
import { checkout, type Placed, type Repriced } from '@/lib/checkout/submit';
import { contentLinkSigner } from '@/lib/server/content-links';
import { formValues, type FieldErrors } from '@/lib/forms';
import { requestClientIp } from '@/lib/server/client-ip';
import { rateLimits } from '@/lib/server/rate-limits';
import { actionRefusal } from '@/lib/server/refusals';
import { DraftGone } from '@/lib/checkout/errors';
import { loadCheckoutDraft, type CheckoutDraft } from '@/lib/checkout/draft';
import { isCurrency } from '@/lib/catalog/currencies';
import { countryName } from '@/lib/catalog/countries';
import { CouponError } from '@/lib/coupons/errors';
import { localeFor } from '@/lib/i18n/locales';
import { moneyLocale } from '@/lib/i18n/messages';
import { formatMoney } from '@/lib/money';
import { thanksOrderPath } from '@/lib/orders/first-view';
import { rememberOrder, shopperCurrency } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';
import { beginPayment } from '@/lib/payments/start';
import { paymentProvider, payWithinMs } from '@/lib/server/payments';
import { ShopError } from '@/lib/errors';

export interface CheckoutState {
  errors?: FieldErrors;
  formError?: string;
  /** Not placed: the delivery country pays in another currency. The new total, said in words; placing again confirms it. */
  repriced?: { message: string; currency: string };
  values?: Record<string, string>;
  /** Counts the answers, so the form is drawn afresh with what was typed (React resets a form after its action). */
  attempt?: number;
}

type Session = Awaited<ReturnType<typeof getShopSession>>;

/** Places the order (or prices it again) and, once placed, empties what it came from. */
async function place(form: FormData, session: Session, draft: CheckoutDraft | null, typed: Record<string, string>, now: Date) {
  const quantities = [...form.entries()].flatMap(([name, value]) => (name.startsWith('quantity:') ? [[name, String(value)] as [string, string]] : []));
  const shown = String(form.get('shownCurrency') ?? '');
  const { settings: { publicUrl }, rings } = shop();
  const outcome = await checkout(db(), {
    draft, cart: session.cart ?? [], typed, quantities, currency: shopperCurrency(session), language: localeFor(await getLocale()),
    shownCurrency: isCurrency(shown) ? shown : undefined,
  }, { ring: rings.orders, publicUrl, now, contentSigner: await contentLinkSigner(now), provider: paymentProvider().name, payWithinMs: payWithinMs() }, async () => {
    await rateLimits().consume('checkout', await requestClientIp());
  });
  if (outcome.kind === 'repriced') {
    // The delivery country decides the currency from now on, in the catalogue and the cart too.
    if (outcome.country) session.country = outcome.country;
  } else {
    session.orders = rememberOrder(session.orders, outcome.number);
    if (draft) session.checkoutDraftId = undefined;
    else session.cart = [];
  }
  await session.save();
  return outcome;
}

/** Where the buyer goes to pay. A provider that does not answer leaves the order waiting: its page offers "Pay now". */
async function paymentPage(placed: Placed, now: Date): Promise<string> {
  const { settings: { publicUrl }, rings } = shop();
  if (placed.paid) return thanksOrderPath(placed.number, rings.orders);
  try {
    return (await beginPayment(db(), paymentProvider(), placed.number, { ring: rings.orders, publicUrl, now })).redirectTo;
  } catch (error) {
    if (!(error instanceof ShopError)) throw error;
    console.warn(`[checkout] order ${placed.number} placed; starting its payment failed: ${error.code}`);
    return placed.signedPath;
  }
}

async function repricedState({ country, totals }: Repriced): Promise<CheckoutState['repriced']> {
  const language = await getLocale();
  const t = await getTranslations('Checkout');
  const money = (cents: number) => formatMoney(cents, totals.currency, moneyLocale(language));
  const words = { currency: totals.currency, total: money(totals.totalCents), shipping: money(totals.shippingCents) };
  return {
    currency: totals.currency,
    message: country ? t('repriced', { ...words, country: countryName(country, language) }) : t('repricedCurrency', words),
  };
}

async function refusalState(error: unknown): Promise<CheckoutState> {
  const { message, fields } = await actionRefusal(error, 'checkout');
  if (fields) return { errors: fields };
  return error instanceof CouponError ? { errors: { coupon: message } } : { formError: message };
}

export async function placeOrderAction(prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const session = await getShopSession();
  const now = new Date();
  const draft = session.checkoutDraftId ? await loadCheckoutDraft(db(), session.checkoutDraftId, now) : null;
  const quantities = [...form.keys()].filter((name) => name.startsWith('quantity:'));
  const typed = formValues(form, [...CHECKOUT_FIELDS, 'coupon', ...quantities]);
  const answer = { values: typed, attempt: (prev.attempt ?? 0) + 1 };
  let next: string;
  try {
    if (session.checkoutDraftId && !draft) {
      // Expired or already placed: forget it, so the next attempt checks out the shopper's own cart.
      session.checkoutDraftId = undefined;
      await session.save();
      throw new DraftGone();
    }
    const outcome = await place(form, session, draft, typed, now);
    if (outcome.kind === 'repriced') return { ...answer, repriced: await repricedState(outcome) };
    next = await paymentPage(outcome, now);
  } catch (error) {
    return { ...(await refusalState(error)), ...answer };
  }
  deliverMailSoon();
  redirect(next);
}
