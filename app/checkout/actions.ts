'use server';

import { redirect } from 'next/navigation';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { deliverMailSoon } from '@/lib/mail/deliver';
import { checkoutSchema, CHECKOUT_FIELDS } from '@/lib/orders/customer-input';
import { formValues, parseWith, type FieldErrors } from '@/lib/forms';
import { OrderError } from '@/lib/orders/errors';
import { RequestRefused } from '@/lib/errors';
import { requestClientIp } from '@/lib/http/next';
import { rateLimits } from '@/lib/rate-limit';
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
  const parsed = parseWith(checkoutSchema, values);
  if (!parsed.ok) return { errors: parsed.errors, values };

  const session = await getShopSession();
  let signedPath: string;
  try {
    await rateLimits().consume('checkout', await requestClientIp());
    const { appKeys, publicUrl } = config();
    const placed = await placeOrder(db(), session.cart ?? [], parsed.value, { ring: orderLinkRing(appKeys), publicUrl, now: new Date() });
    session.orders = rememberOrder(session.orders, placed.number);
    session.cart = [];
    await session.save();
    signedPath = placed.signedPath;
  } catch (error) {
    if (error instanceof OrderError || error instanceof RequestRefused) return { formError: error.message, values };
    throw error;
  }
  deliverMailSoon();
  redirect(signedPath);
}
