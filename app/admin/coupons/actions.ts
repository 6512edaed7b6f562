'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { formValues } from '@/lib/forms';
import { parseDbId } from '@/lib/db/schema-files';
import { COUPON_FORM_FIELDS, couponFormSchema, createCoupon, DuplicateCouponCode, setCouponActive } from '@/lib/coupons/admin';
import { requireAdmin } from '../require-admin';
import type { AdminFormState } from '../actions';

export async function createCouponAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const parsed = couponFormSchema.safeParse(formValues(form, COUPON_FORM_FIELDS));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  try {
    const coupon = await createCoupon(db(), parsed.data, new Date());
    revalidatePath('/admin/coupons');
    return { message: `Coupon ${coupon.code} created.` };
  } catch (error) {
    if (error instanceof DuplicateCouponCode) return { error: error.message };
    throw error;
  }
}

export async function setCouponActiveAction(form: FormData) {
  await requireAdmin();
  const id = parseDbId(form.get('couponId'));
  if (id !== null) await setCouponActive(db(), id, form.get('active') === 'true');
  revalidatePath('/admin/coupons');
}
