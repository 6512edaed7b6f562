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

export interface AdminFormState { error?: string; message?: string }

async function assertAdmin() {
  const session = await getShopSession();
  if (!session.admin) redirect('/admin');
}

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
  await assertAdmin();
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
  await assertAdmin();
  if (!config().smtpUrl) return { error: 'SMTP_URL is not set: mail stays in the outbox.' };
  const report = await deliverDueMailNow();
  revalidatePath('/admin/outbox');
  return { message: `Sent ${report.sent}, failed ${report.failed}.` };
}
