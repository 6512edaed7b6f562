'use server';

import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { checkFileSource } from '@/lib/downloads/source-check';
import { s3ClientFor } from '@/lib/downloads/sources/s3';
import { productDownloadSchema, saveProductDownloadSettings, sourceSchema } from '@/lib/downloads/settings';
import { InputInvalid, refusal } from '@/lib/errors';
import { fieldReason, formValues, reasonsOf, type FieldErrors } from '@/lib/forms';
import { actionRefusal } from '@/lib/server/refusals';
import { requireAdmin } from '../require-admin';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';

export interface SettingsState { errors?: FieldErrors; saved?: boolean; values?: Record<string, string> }

const FIELDS = ['kind', 'fileName', 'externalUrl', 's3Bucket', 's3Key', 's3ExpirySeconds', 'downloadLimit', 'licenseDays'];

/** Limits and source, every refused field at once; a local source needs an uploaded file. */
function settingsOf(values: Record<string, string>, hasUpload: boolean) {
  const limits = productDownloadSchema.safeParse(values);
  const source = sourceSchema.safeParse(values);
  const fields = { ...(limits.success ? {} : reasonsOf(limits.error.issues)), ...(source.success ? {} : reasonsOf(source.error.issues)) };
  if (source.success && source.data.kind === 'local' && !hasUpload) fields.kind = fieldReason('uploadFirst');
  if (!limits.success || !source.success || Object.keys(fields).length > 0) throw new InputInvalid(fields);
  return { limits: limits.data, source: source.data };
}

export async function saveDownloadSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  await requireAdmin();
  const values = formValues(form, FIELDS);
  try {
    const product = await db().product.findFirst({ where: { slug: String(form.get('slug') ?? ''), kind: { in: FILE_KINDS } }, include: { fileSource: true } });
    if (!product) throw refusal('DOWNLOAD_PRODUCT_NOT_FOUND');
    const { limits, source } = settingsOf(values, Boolean(product.fileSource?.storedName));
    const { settings: { s3 }, secure } = shop();
    await checkFileSource(source, { httpsOnly: secure, s3: () => s3ClientFor(s3) });
    await saveProductDownloadSettings(db(), product.id, limits, source, new Date());
    revalidatePath(`/admin/products/${product.slug}`);
    return { saved: true, values };
  } catch (error) {
    const { message, fields } = await actionRefusal(error, 'admin downloads');
    return { errors: fields ?? { form: message }, values };
  }
}
