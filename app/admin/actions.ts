'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { attemptAdminLogin } from '@/lib/admin/login';
import { endAdminSessions, startAdminSession } from '@/lib/server/admin';
import { requestClientIp } from '@/lib/server/client-ip';
import { refusal, RequestRefused } from '@/lib/errors';
import { rateLimits } from '@/lib/server/rate-limits';
import { oneLineFormAction } from '@/lib/server/refusals';
import { deliverDueMailNow, deliverMailSoon } from '@/lib/server/mail';
import { markDispatched } from '@/lib/orders/dispatch';
import { LicenseNotFound } from '@/lib/downloads/errors';
import { requireAdmin } from './require-admin';
import { adminReturnPath } from '@/lib/admin/return-path';
import { parseDbId } from '@/lib/db/schema-files';
import { formValues, parseInput } from '@/lib/forms';
import { overrideLicense, setLicenseStatus } from '@/lib/downloads/licenses';
import { licenseOverrideSchema } from '@/lib/downloads/settings';
import { adminWords } from './admin-words';

export interface AdminFormState { error?: string; message?: string }

async function logIn(password: string): Promise<AdminFormState> {
  let allowed: boolean;
  try {
    allowed = await attemptAdminLogin(rateLimits(), await requestClientIp(), password, shop().settings.adminPassword);
  } catch (error) {
    throw error instanceof RequestRefused ? refusal('ADMIN_LOGIN_THROTTLED') : error;
  }
  if (!allowed) throw refusal('ADMIN_LOGIN_FAILED');
  return {};
}

export async function loginAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const state = await oneLineFormAction('admin login', () => logIn(String(form.get('password') ?? '')));
  if ('error' in state) return state;
  await startAdminSession();
  redirect(adminReturnPath(form.get('next')));
}

export async function logoutAction() {
  await endAdminSessions();
  redirect('/admin');
}

export async function markDispatchedAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const number = String(form.get('number') ?? '');
  const { settings: { publicUrl }, rings } = shop();
  return oneLineFormAction('admin dispatch', async () => {
    await markDispatched(db(), number, { ring: rings.orders, publicUrl, now: new Date() });
    deliverMailSoon();
    revalidatePath(`/admin/orders/${number}`);
    return { message: (await adminWords()).t('dispatchDone') };
  });
}

export async function deliverMailAction(_prev: AdminFormState): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin mail', async () => {
    if (!shop().settings.smtpUrl) throw refusal('SMTP_NOT_CONFIGURED');
    const report = await deliverDueMailNow();
    revalidatePath('/admin/outbox');
    return { message: (await adminWords()).t('mailSent', { sent: report.sent, failed: report.failed }) };
  });
}

/** The license a license form names, with its order's number (for the page to refresh). */
async function licenseOfForm(form: FormData) {
  const license = await db().license.findUnique({ where: { id: parseDbId(form.get('licenseId')) ?? -1 }, include: { order: { select: { number: true } } } });
  if (!license) throw new LicenseNotFound();
  return license;
}

export async function setLicenseStatusAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const status = form.get('status') === 'revoked' ? 'revoked' : 'active';
  return oneLineFormAction('admin license', async () => {
    const license = await licenseOfForm(form);
    await setLicenseStatus(db(), license.id, status, new Date());
    revalidatePath(`/admin/orders/${license.order.number}`);
    const { t } = await adminWords();
    return { message: status === 'revoked' ? t('licenseRevoked') : t('licenseReactivated') };
  });
}

export async function overrideLicenseAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin license', async () => {
    const limits = parseInput(licenseOverrideSchema, formValues(form, ['downloadLimit', 'expiresOn']));
    const license = await licenseOfForm(form);
    await overrideLicense(db(), license.id, limits);
    revalidatePath(`/admin/orders/${license.order.number}`);
    return { message: (await adminWords()).t('licenseLimitsSaved') };
  });
}
