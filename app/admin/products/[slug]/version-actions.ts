'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/server/shop';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';
import { setAllowOlderVersions, withdrawVersion } from '@/lib/versions/publish';
import { VersionNotFound } from '@/lib/versions/errors';
import { requireAdmin } from '../../require-admin';

async function productOf(form: FormData) {
  const product = await db().product.findFirst({ where: { slug: String(form.get('slug') ?? ''), kind: { in: FILE_KINDS } } });
  if (!product) redirect('/admin/products');
  return product;
}

/** Withdraws a version (after the confirm step); the file source follows the newest one left. */
export async function withdrawVersionAction(form: FormData) {
  await requireAdmin();
  const product = await productOf(form);
  const versionId = Number(form.get('versionId'));
  let outcome = 'withdrawn=1';
  try {
    if (!Number.isSafeInteger(versionId) || versionId <= 0) throw new VersionNotFound();
    await withdrawVersion(db(), product.id, versionId, new Date());
  } catch (error) {
    if (!(error instanceof VersionNotFound)) throw error;
    outcome = 'versionError=errFailed';
  }
  redirect(`/admin/products/${product.slug}?${outcome}#versions-heading`);
}

export async function allowOlderVersionsAction(form: FormData) {
  await requireAdmin();
  const product = await productOf(form);
  await setAllowOlderVersions(db(), product.id, form.get('allowOlderVersions') === 'on');
  redirect(`/admin/products/${product.slug}?olderSaved=1#versions-heading`);
}
