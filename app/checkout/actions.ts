'use server';

import { redirect } from 'next/navigation';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { deliverMailSoon } from '@/lib/mail/deliver';
import { checkoutSchemaFor, CHECKOUT_FIELDS } from '@/lib/orders/customer-input';
import { needsDelivery } from '@/lib/cart/cart';
import { contentLinkSigner } from '@/lib/content-links/server';
import { loadPricedCart } from '@/app/_components/priced-cart';
import { formValues, parseWith, type FieldErrors } from '@/lib/forms';
import { OrderError } from '@/lib/orders/errors';
import { orderLinkRing } from '@/lib/orders/links';
import { placeOrder } from '@/lib/orders/place-order';
import { rememberOrder } from '@/lib/session/session';
import { getShopSession } from '@/lib/session/next';

export interface CheckoutState {
  errors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
}

export async function placeOrderAction(_prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const values = formValues(form, CHECKOUT_FIELDS);
  const parsed = parseWith(checkoutSchemaFor(needsDelivery((await loadPricedCart()).lines)), values);
  if (!parsed.ok) return { errors: parsed.errors, values };

  const session = await getShopSession();
  let signedPath: string;
  try {
    const { appKeys, publicUrl } = config();
    const now = new Date();
    const contentSigner = await contentLinkSigner(now);
    const placed = await placeOrder(db(), session.cart ?? [], parsed.value, { ring: orderLinkRing(appKeys), publicUrl, now, contentSigner });
    session.orders = rememberOrder(session.orders, placed.number);
    session.cart = [];
    await session.save();
    signedPath = placed.signedPath;
  } catch (error) {
    if (error instanceof OrderError) return { formError: error.message, values };
    throw error;
  }
  deliverMailSoon();
  redirect(signedPath);
}
