'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { attemptAdminLogin } from '@/lib/admin/login';
import { endAdminSessions, startAdminSession } from '@/lib/server/admin';
import { requestClientIp } from '@/lib/server/client-ip';
import { RequestRefused } from '@/lib/errors';
import { rateLimits } from '@/lib/server/rate-limits';
import { deliverDueMailNow, deliverMailSoon } from '@/lib/server/mail';
import { markDispatched } from '@/lib/orders/dispatch';
import { OrderError } from '@/lib/orders/errors';
import { requireAdmin } from './require-admin';
import { parseDbId } from '@/lib/db/schema-files';
import { formValues } from '@/lib/forms';
import { overrideLicense, setLicenseStatus } from '@/lib/downloads/licenses';
import { licenseOverrideSchema } from '@/lib/downloads/settings';

export interface AdminFormState { error?: string; message?: string }

export async function loginAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const given = String(form.get('password') ?? '');
  try {
    if (!(await attemptAdminLogin(rateLimits(), await requestClientIp(), given, shop().settings.adminPassword))) return { error: 'Wrong password.' };
  } catch (error) {
    if (error instanceof RequestRefused) return { error: 'Too many failed logins. Wait a few minutes and try again.' };
    throw error;
  }
  await startAdminSession();
  redirect('/admin');
}

export async function logoutAction() {
  await endAdminSessions();
  redirect('/admin');
}

export async function markDispatchedAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const number = String(form.get('number') ?? '');
  const { settings: { publicUrl }, rings } = shop();
  try {
    await markDispatched(db(), number, { ring: rings.orders, publicUrl, now: new Date() });
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
  if (!shop().settings.smtpUrl) return { error: 'SMTP_URL is not set: mail stays in the outbox.' };
  const report = await deliverDueMailNow();
  revalidatePath('/admin/outbox');
  return { message: `Sent ${report.sent}, failed ${report.failed}.` };
}

/** The license a license form names, with its order's number (for the page to refresh). */
function licenseOfForm(form: FormData) {
  return db().license.findUnique({ where: { id: parseDbId(form.get('licenseId')) ?? -1 }, include: { order: { select: { number: true } } } });
}

export async function setLicenseStatusAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const status = form.get('status') === 'revoked' ? 'revoked' : 'active';
  const license = await licenseOfForm(form);
  if (!license) return { error: 'No such license.' };
  await setLicenseStatus(db(), license.id, status, new Date());
  revalidatePath(`/admin/orders/${license.order.number}`);
  return { message: status === 'revoked' ? 'License revoked: its download links stop working now.' : 'License reactivated.' };
}

export async function overrideLicenseAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const parsed = licenseOverrideSchema.safeParse(formValues(form, ['downloadLimit', 'expiresOn']));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const license = await licenseOfForm(form);
  if (!license) return { error: 'No such license.' };
  await overrideLicense(db(), license.id, parsed.data);
  revalidatePath(`/admin/orders/${license.order.number}`);
  return { message: 'License limits saved.' };
}
