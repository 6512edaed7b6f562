'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { adminPasswordMatches } from '@/lib/admin/password';
import { deliverDueMailNow, deliverMailSoon } from '@/lib/mail/deliver';
import { markDispatched } from '@/lib/orders/dispatch';
import { OrderError } from '@/lib/orders/errors';
import { orderLinkRing } from '@/lib/orders/links';
import { getShopSession } from '@/lib/session/next';
import { requireAdmin } from './require-admin';
import { parseDbId } from '@/lib/db/schema-files';
import { overrideLicense, setLicenseStatus } from '@/lib/downloads/licenses';
import { licenseOverrideSchema } from '@/lib/downloads/settings';

export interface AdminFormState { error?: string; message?: string }


export async function loginAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const given = String(form.get('password') ?? '');
  if (!adminPasswordMatches(given, config().adminPassword)) return { error: 'Wrong password.' };
  const session = await getShopSession();
  session.admin = true;
  await session.save();
  redirect('/admin');
}

export async function logoutAction() {
  const session = await getShopSession();
  session.admin = false;
  await session.save();
  redirect('/admin');
}

export async function markDispatchedAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const number = String(form.get('number') ?? '');
  const { appKeys, publicUrl } = config();
  try {
    await markDispatched(db(), number, { ring: orderLinkRing(appKeys), publicUrl, now: new Date() });
  } catch (error) {
    if (error instanceof OrderError) return { error: error.message };
    throw error;
  }
  deliverMailSoon();
  revalidatePath(`/admin/orders/${number}`);
  return { message: 'Marked dispatched; the dispatch email is in the outbox.' };
}

export async function deliverMailAction(_prev: AdminFormState): Promise<AdminFormState> {
  await requireAdmin();
  if (!config().smtpUrl) return { error: 'SMTP_URL is not set: mail stays in the outbox.' };
  const report = await deliverDueMailNow();
  revalidatePath('/admin/outbox');
  return { message: `Sent ${report.sent}, failed ${report.failed}.` };
}

export async function setLicenseStatusAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const licenseId = parseDbId(form.get('licenseId'));
  const status = form.get('status') === 'revoked' ? 'revoked' : 'active';
  const license = await db().license.findUnique({ where: { id: licenseId ?? -1 }, include: { order: true } });
  if (!license) return { error: 'No such license.' };
  await setLicenseStatus(db(), license.id, status, new Date());
  revalidatePath(`/admin/orders/${license.order.number}`);
  return { message: status === 'revoked' ? 'License revoked: its download links stop working now.' : 'License reactivated.' };
}

export async function overrideLicenseAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const licenseId = parseDbId(form.get('licenseId'));
  const parsed = licenseOverrideSchema.safeParse({ downloadLimit: String(form.get('downloadLimit') ?? ''), expiresOn: String(form.get('expiresOn') ?? '') });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const license = await db().license.findUnique({ where: { id: licenseId ?? -1 }, include: { order: true } });
  if (!license) return { error: 'No such license.' };
  await overrideLicense(db(), license.id, parsed.data);
  revalidatePath(`/admin/orders/${license.order.number}`);
  return { message: 'License limits saved.' };
}
