'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { parseDbId } from '@/lib/db/schema-files';
import { formValues } from '@/lib/forms';
import {
  CertificateRefused, createIntegration, graceHoursSchema, INTEGRATION_MODES, newIntegrationSchema, parseMerchantCertificate,
  replaceCertificate, setIntegrationEnabled, setIntegrationMode, type IntegrationMode,
} from '@/lib/integrations';
import type { AdminFormState } from '../actions';
import { requireAdmin } from '../require-admin';

const PAGE = '/admin/integrations';
const MAX_UPLOAD_BYTES = 20_000;

async function integrationOfForm(form: FormData) {
  const id = parseDbId(form.get('integrationId'));
  return id === null ? null : db().integration.findUnique({ where: { id } });
}

export async function createIntegrationAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const parsed = newIntegrationSchema.safeParse(formValues(form, ['name', 'mode']));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const integration = await createIntegration(db(), parsed.data, new Date());
  revalidatePath(PAGE);
  return { message: `Integration "${integration.name}" created. Upload the merchant's certificate next.` };
}

/** The certificate from the file input, or else from the paste box. */
async function certificateText(form: FormData): Promise<string> {
  const file = form.get('certificateFile');
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_UPLOAD_BYTES) throw new CertificateRefused('This file is too large to be a certificate.');
    return file.text();
  }
  return String(form.get('certificatePem') ?? '');
}

export async function uploadCertificateAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const integration = await integrationOfForm(form);
  if (!integration) return { error: 'No such integration.' };
  const grace = graceHoursSchema.safeParse(String(form.get('graceHours') ?? ''));
  if (!grace.success) return { error: grace.error.issues[0].message };
  let certificate;
  try {
    const text = await certificateText(form);
    if (text.trim() === '') return { error: 'Choose the certificate file (publiccert.pem) or paste it.' };
    certificate = parseMerchantCertificate(text);
  } catch (error) {
    if (error instanceof CertificateRefused) return { error: error.message };
    throw error;
  }
  const replacing = await db().integrationCertificate.count({ where: { integrationId: integration.id, retiresAt: null } });
  await replaceCertificate(db(), integration.id, certificate, grace.data, new Date());
  revalidatePath(PAGE);
  return {
    message: replacing
      ? `Certificate ${certificate.fingerprint.slice(0, 23)}… is now current; the previous one keeps working for ${grace.data} hours.`
      : `Certificate ${certificate.fingerprint.slice(0, 23)}… saved.`,
  };
}

export async function setModeAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const integration = await integrationOfForm(form);
  const mode = String(form.get('mode') ?? '') as IntegrationMode;
  if (!integration) return { error: 'No such integration.' };
  if (!INTEGRATION_MODES.includes(mode)) return { error: 'Choose live or test.' };
  await setIntegrationMode(db(), integration.id, mode);
  revalidatePath(PAGE);
  return { message: mode === 'live' ? 'Live: only encrypted payloads are accepted.' : 'Test mode: plain JSON payloads are accepted too.' };
}

export async function setEnabledAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const integration = await integrationOfForm(form);
  if (!integration) return { error: 'No such integration.' };
  const enabled = form.get('enabled') === 'true';
  await setIntegrationEnabled(db(), integration.id, enabled);
  revalidatePath(PAGE);
  return { message: enabled ? 'Enabled.' : 'Disabled: its payloads are refused.' };
}
