'use server';

import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { checkFileSource } from '@/lib/downloads/source-check';
import { s3ClientFor } from '@/lib/downloads/sources/s3';
import { productDownloadSchema, saveProductDownloadSettings, sourceSchema } from '@/lib/downloads/settings';
import { InputInvalid, refusal } from '@/lib/errors';
import { fieldReason, formValues, parseInput, reasonsOf, type FieldErrors } from '@/lib/forms';
import { actionRefusal, oneLineFormAction } from '@/lib/server/refusals';
import { PRODUCT_FORM_FIELDS, PRODUCT_TEXTS_FIELDS, productFormSchema, productTextsSchema, saveProductTexts, updateProduct } from '@/lib/catalog/admin';
import { requireAdmin } from '../require-admin';
import { adminWords } from '../admin-words';
import type { AdminFormState } from '../actions';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';

/** A form whose refusals are shown next to each field; `values` keep what was typed. */
export interface SettingsState { errors?: FieldErrors; saved?: boolean; values?: Record<string, string> }

const pageOf = (slug: string) => `/admin/products/${slug}`;

/** Texts, prices and the active flag of a product of any kind; refused input changes nothing. */
export async function saveProductAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  await requireAdmin();
  const slug = String(form.get('slug') ?? '');
  const values = formValues(form, PRODUCT_FORM_FIELDS);
  try {
    await updateProduct(db(), slug, parseInput(productFormSchema, values));
    revalidatePath(pageOf(slug));
    revalidatePath('/admin/products');
    return { saved: true, values };
  } catch (error) {
    const { message, fields } = await actionRefusal(error, 'admin products');
    return { errors: fields ?? { form: message }, values };
  }
}

/** One other language's texts of a product. */
export async function saveProductTextsAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const slug = String(form.get('slug') ?? '');
  return oneLineFormAction('admin product texts', async () => {
    const texts = parseInput(productTextsSchema, formValues(form, PRODUCT_TEXTS_FIELDS));
    await saveProductTexts(db(), slug, texts);
    revalidatePath(pageOf(slug));
    const { t, languageName } = await adminWords();
    return { message: t('textsSaved', { language: languageName(texts.locale) }) };
  });
}

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
