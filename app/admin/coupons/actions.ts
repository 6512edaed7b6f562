'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { formValues, parseInput } from '@/lib/forms';
import { parseDbId } from '@/lib/db/schema-files';
import { oneLineFormAction } from '@/lib/server/refusals';
import { COUPON_FORM_FIELDS, couponFormSchema, createCoupon, setCouponActive } from '@/lib/coupons/admin';
import { requireAdmin } from '../require-admin';
import { adminWords } from '../admin-words';
import type { AdminFormState } from '../actions';

export async function createCouponAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin coupons', async () => {
    const coupon = await createCoupon(db(), parseInput(couponFormSchema, formValues(form, COUPON_FORM_FIELDS)), new Date());
    revalidatePath('/admin/coupons');
    return { message: (await adminWords()).t('couponCreated', { code: coupon.code }) };
  });
}

export async function setCouponActiveAction(form: FormData) {
  await requireAdmin();
  const id = parseDbId(form.get('couponId'));
  if (id !== null) await setCouponActive(db(), id, form.get('active') === 'true');
  revalidatePath('/admin/coupons');
}
