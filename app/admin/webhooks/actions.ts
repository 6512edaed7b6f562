'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { endpointSettings } from '@/lib/server/webhooks';
import { parseDbId } from '@/lib/db/schema-files';
import { refusal } from '@/lib/errors';
import { parseInput } from '@/lib/forms';
import { oneLineFormAction } from '@/lib/server/refusals';
import {
  createEndpoint, endpointSchema, overlapSchema, resendDelivery, resendFailed, rotateSecret, sendTestEvent, setEndpointEnabled,
} from '@/lib/webhooks/admin';
import type { AdminFormState } from '../actions';
import { requireAdmin } from '../require-admin';
import { adminWords } from '../admin-words';

const PAGE = '/admin/webhooks';

/** A form that may answer with a secret, shown once. */
export interface SecretFormState extends AdminFormState { secret?: string; endpointId?: number }

async function endpointOfForm(form: FormData) {
  const id = parseDbId(form.get('endpointId'));
  const endpoint = id === null ? null : await db().webhookEndpoint.findUnique({ where: { id }, select: { id: true } });
  if (!endpoint) throw refusal('NOT_FOUND');
  return endpoint.id;
}

const endpointInput = (form: FormData) => ({
  url: String(form.get('url') ?? ''),
  description: String(form.get('description') ?? ''),
  events: form.getAll('events').map(String),
});

export async function createEndpointAction(_prev: SecretFormState, form: FormData): Promise<SecretFormState> {
  await requireAdmin();
  return oneLineFormAction('admin webhooks', async () => {
    const integrationId = form.get('integrationId') ? parseDbId(form.get('integrationId')) : null;
    if (form.get('integrationId') && (integrationId === null || !(await db().integration.findUnique({ where: { id: integrationId } })))) throw refusal('INTEGRATION_NOT_FOUND');
    const created = await createEndpoint(db(), parseInput(endpointSchema, endpointInput(form)), endpointSettings(), new Date(), integrationId);
    revalidatePath(PAGE);
    revalidatePath('/admin/integrations');
    return { message: (await adminWords()).t('webhookCreated'), secret: created.secret, endpointId: created.id };
  });
}

export async function rotateSecretAction(_prev: SecretFormState, form: FormData): Promise<SecretFormState> {
  await requireAdmin();
  return oneLineFormAction('admin webhooks', async () => {
    const id = await endpointOfForm(form);
    const { overlapHours } = parseInput(overlapSchema, { overlapHours: String(form.get('overlapHours') ?? '') });
    const secret = await rotateSecret(db(), id, overlapHours, endpointSettings().appKeys, new Date());
    revalidatePath(`${PAGE}/${id}`);
    return { message: (await adminWords()).t('webhookRotated'), secret };
  });
}

export async function sendTestEventAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin webhooks', async () => {
    const id = await endpointOfForm(form);
    await sendTestEvent(db(), id, new Date());
    revalidatePath(`${PAGE}/${id}`);
    return { message: (await adminWords()).t('webhookTestQueued') };
  });
}

export async function resendFailedAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin webhooks', async () => {
    const id = await endpointOfForm(form);
    const count = await resendFailed(db(), id, new Date());
    revalidatePath(`${PAGE}/${id}`);
    return { message: (await adminWords()).t('webhookResentFailed', { count }) };
  });
}

export async function resendDeliveryAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin webhooks', async () => {
    const id = await endpointOfForm(form);
    const deliveryId = parseDbId(form.get('deliveryId'));
    if (deliveryId === null || !(await resendDelivery(db(), id, deliveryId, new Date()))) throw refusal('NOT_FOUND');
    revalidatePath(`${PAGE}/${id}`);
    return { message: (await adminWords()).t('webhookResent') };
  });
}

export async function setEndpointEnabledAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin webhooks', async () => {
    const id = await endpointOfForm(form);
    const enabled = form.get('enabled') === 'true';
    await setEndpointEnabled(db(), id, enabled);
    revalidatePath(`${PAGE}/${id}`);
    revalidatePath(PAGE);
    const { t } = await adminWords();
    return { message: enabled ? t('enabledDone') : t('disabledDone') };
  });
}
