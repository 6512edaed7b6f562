'use server';

import { redirect } from 'next/navigation';
import { db, shop } from '@/lib/server/shop';
import { deliverMailSoon } from '@/lib/server/mail';
import { orderMailContext, paymentProvider } from '@/lib/server/payments';
import { beginPayment } from '@/lib/payments/start';
import { completeTestPayment } from '@/lib/payments/providers/test';
import { ProviderNotConfigured } from '@/lib/payments/errors';
import { orderAccess } from '@/lib/order-access/tier';
import { OrderAccessDenied } from '@/lib/order-access/errors';
import { thanksOrderPath } from '@/lib/orders/first-view';
import { queryPairs } from '@/lib/signing';
import { oneLineFormAction } from '@/lib/server/refusals';
import { getShopSession } from '@/lib/server/session';

export interface PayState { error?: string }

/** Paying needs the order's signed link (the MINIMAL tier or above): an order number alone pays nothing. */
async function requireSignedLink(form: FormData): Promise<string> {
  const number = String(form.get('number') ?? '');
  const session = await getShopSession();
  const { tier } = orderAccess({ number, query: queryPairs(String(form.get('link') ?? '')), sessionOrders: session.orders ?? [] },
    shop().rings.orders, Math.floor(Date.now() / 1000));
  if (tier === 'EXISTS') throw new OrderAccessDenied();
  return number;
}

/** "Pay now" on an order awaiting payment: off to the provider again. */
export async function payOrderAction(_prev: PayState, form: FormData): Promise<PayState> {
  let next = '';
  const refused = await oneLineFormAction('payment start', async () => {
    const number = await requireSignedLink(form);
    const { settings: { publicUrl }, rings } = shop();
    next = (await beginPayment(db(), paymentProvider(), number, { ring: rings.orders, publicUrl, now: new Date() })).redirectTo;
    return {};
  });
  if (!next) return refused;
  redirect(next);
}

/** The test payment page's Pay and Decline buttons. */
export async function testPaymentAction(_prev: PayState, form: FormData): Promise<PayState> {
  let number = '';
  const refused = await oneLineFormAction('test payment', async () => {
    if (paymentProvider().name !== 'test') throw new ProviderNotConfigured();
    const checked = await requireSignedLink(form);
    const now = new Date();
    await completeTestPayment(db(), checked, form.get('outcome') === 'decline' ? 'decline' : 'pay', await orderMailContext(now), now);
    number = checked;
    return {};
  });
  if (!number) return refused;
  deliverMailSoon();
  redirect(thanksOrderPath(number, shop().rings.orders));
}
