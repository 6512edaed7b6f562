'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { refusal } from '@/lib/errors';
import { formValues, parseInput } from '@/lib/forms';
import { actionRefusal } from '@/lib/server/refusals';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';
import { licenseKeySettingsSchema, saveLicenseKeySettings } from '@/lib/licenses/settings';
import { requireAdmin } from '../require-admin';
import type { SettingsState } from './actions';

/** Whether a download product's paid lines get license keys, and each key's activation limit. */
export async function saveLicenseKeySettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  await requireAdmin();
  const values = formValues(form, ['licenseKeys', 'activationLimit']);
  try {
    const product = await db().product.findFirst({ where: { slug: String(form.get('slug') ?? ''), kind: { in: FILE_KINDS } }, select: { id: true, slug: true } });
    if (!product) throw refusal('DOWNLOAD_PRODUCT_NOT_FOUND');
    await saveLicenseKeySettings(db(), product.id, parseInput(licenseKeySettingsSchema, values));
    revalidatePath(`/admin/products/${product.slug}`);
    return { saved: true, values };
  } catch (error) {
    const { message, fields } = await actionRefusal(error, 'admin license keys');
    return { errors: fields ?? { form: message }, values };
  }
}
