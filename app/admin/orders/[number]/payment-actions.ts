'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { deliverMailSoon } from '@/lib/server/mail';
import { orderMailContext, refundPayerFor } from '@/lib/server/payments';
import { oneLineFormAction } from '@/lib/server/refusals';
import { formValues, parseInput } from '@/lib/forms';
import { cancelInput, markPaidInput, refundInput } from '@/lib/payments/admin-input';
import { markPaidByAdmin } from '@/lib/payments/providers/manual';
import { refundOrder } from '@/lib/payments/refund';
import { cancelOrder } from '@/lib/payments/unpaid';
import { OrderNotFound } from '@/lib/orders/errors';
import { requireAdmin } from '../../require-admin';
import type { AdminFormState } from '../../actions';
import { adminWords } from '../../admin-words';

const pageOf = (number: string) => `/admin/orders/${number}`;

async function orderOf(number: string) {
  const order = await db().order.findUnique({ where: { number }, select: { id: true, paymentProvider: true } });
  if (!order) throw new OrderNotFound();
  return order;
}

export async function markPaidAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const number = String(form.get('number') ?? '');
  return oneLineFormAction('admin mark paid', async () => {
    const { reference } = parseInput(markPaidInput, formValues(form, ['reference']));
    const now = new Date();
    await markPaidByAdmin(db(), number, reference, await orderMailContext(now), now);
    deliverMailSoon();
    revalidatePath(pageOf(number));
    return { message: (await adminWords()).t('markedPaid') };
  });
}

export async function cancelOrderAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const number = String(form.get('number') ?? '');
  return oneLineFormAction('admin cancel', async () => {
    const { reason } = parseInput(cancelInput, formValues(form, ['reason']));
    await cancelOrder(db(), (await orderOf(number)).id, { actor: 'admin', reason: reason || 'cancelled by an admin', at: new Date() });
    revalidatePath(pageOf(number));
    return { message: (await adminWords()).t('cancelled') };
  });
}

export async function refundAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const number = String(form.get('number') ?? '');
  return oneLineFormAction('admin refund', async () => {
    const input = parseInput(refundInput, { ...formValues(form, ['amount', 'reason', 'requestKey']), lines: form.getAll('line').map(String) });
    const order = await orderOf(number);
    const now = new Date();
    const outcome = await refundOrder(db(), refundPayerFor(order.paymentProvider), {
      number, lines: input.lines, amountCents: input.amount, reason: input.reason, actor: 'admin', requestKey: input.requestKey,
    }, await orderMailContext(now), now);
    deliverMailSoon();
    revalidatePath(pageOf(number));
    const { t } = await adminWords();
    return { message: outcome.repeated ? t('refundRepeated') : t('refunded') };
  });
}
