'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { productDownloadSchema, saveProductDownloadSettings, sourceSchema } from '@/lib/downloads/settings';
import { formValues, parseWith, type FieldErrors } from '@/lib/forms';
import { requireAdmin } from '../require-admin';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';

export interface SettingsState { errors?: FieldErrors; saved?: boolean; values?: Record<string, string> }

const FIELDS = ['kind', 'fileName', 'externalUrl', 's3Bucket', 's3Key', 's3ExpirySeconds', 'downloadLimit', 'licenseDays'];

export async function saveDownloadSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  await requireAdmin();
  const values = formValues(form, FIELDS);
  const product = await db().product.findFirst({ where: { slug: String(form.get('slug') ?? ''), kind: { in: FILE_KINDS } }, include: { fileSource: true } });
  if (!product) return { errors: { form: 'No such digital product.' }, values };
  const limits = parseWith(productDownloadSchema, values);
  const source = parseWith(sourceSchema, values);
  const errors = { ...(limits.ok ? {} : limits.errors), ...(source.ok ? {} : source.errors) };
  if (source.ok && source.value.kind === 'local' && !product.fileSource?.storedName) {
    errors.kind = 'Upload a file first; it then becomes the local source.';
  }
  if (!limits.ok || !source.ok || Object.keys(errors).length > 0) return { errors, values };
  await saveProductDownloadSettings(db(), product.id, limits.value, source.value, new Date());
  revalidatePath(`/admin/products/${product.slug}`);
  return { saved: true, values };
}
