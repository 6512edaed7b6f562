'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/server/shop';
import { parseDbId } from '@/lib/db/schema-files';
import { refusal } from '@/lib/errors';
import { formValues, parseInput } from '@/lib/forms';
import { oneLineFormAction } from '@/lib/server/refusals';
import {
  CertificateRefused, createIntegration, graceHoursSchema, newIntegrationSchema, parseMerchantCertificate,
  replaceCertificate, setIntegrationEnabled, setIntegrationMode,
} from '@/lib/integrations';
import type { AdminFormState } from '../actions';
import { requireAdmin } from '../require-admin';
import { adminWords } from '../admin-words';

const PAGE = '/admin/integrations';
const MAX_UPLOAD_BYTES = 20_000;

async function integrationOfForm(form: FormData) {
  const id = parseDbId(form.get('integrationId'));
  const integration = id === null ? null : await db().integration.findUnique({ where: { id } });
  if (!integration) throw refusal('INTEGRATION_NOT_FOUND');
  return integration;
}

export async function createIntegrationAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin integrations', async () => {
    const integration = await createIntegration(db(), parseInput(newIntegrationSchema, formValues(form, ['name', 'mode'])), new Date());
    revalidatePath(PAGE);
    return { message: (await adminWords()).t('integrationCreated', { name: integration.name }) };
  });
}

/** The certificate from the file input, or else from the paste box. */
async function certificateText(form: FormData): Promise<string> {
  const file = form.get('certificateFile');
  if (file instanceof File && file.size > MAX_UPLOAD_BYTES) throw new CertificateRefused('CERTIFICATE_TOO_LARGE');
  const text = file instanceof File && file.size > 0 ? await file.text() : String(form.get('certificatePem') ?? '');
  if (text.trim() === '') throw new CertificateRefused('CERTIFICATE_MISSING');
  return text;
}

const certificateFormSchema = z.object({ graceHours: graceHoursSchema });

export async function uploadCertificateAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin certificates', async () => {
    const integration = await integrationOfForm(form);
    const { graceHours } = parseInput(certificateFormSchema, { graceHours: String(form.get('graceHours') ?? '') });
    const certificate = parseMerchantCertificate(await certificateText(form));
    const replacing = await db().integrationCertificate.count({ where: { integrationId: integration.id, retiresAt: null } });
    await replaceCertificate(db(), integration.id, certificate, graceHours, new Date());
    revalidatePath(PAGE);
    const { t } = await adminWords();
    const fingerprint = certificate.fingerprint.slice(0, 23);
    return { message: replacing ? t('certificateReplaced', { fingerprint, hours: graceHours }) : t('certificateSaved', { fingerprint }) };
  });
}

export async function setModeAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin integrations', async () => {
    const integration = await integrationOfForm(form);
    const { mode } = parseInput(newIntegrationSchema.pick({ mode: true }), { mode: String(form.get('mode') ?? '') });
    await setIntegrationMode(db(), integration.id, mode);
    revalidatePath(PAGE);
    const { t } = await adminWords();
    return { message: mode === 'live' ? t('modeLiveDone') : t('modeTestDone') };
  });
}

export async function setEnabledAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin integrations', async () => {
    const integration = await integrationOfForm(form);
    const enabled = form.get('enabled') === 'true';
    await setIntegrationEnabled(db(), integration.id, enabled);
    revalidatePath(PAGE);
    const { t } = await adminWords();
    return { message: enabled ? t('enabledDone') : t('disabledDone') };
  });
}
