'use server';

import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { isKeyPurpose, rotateKey } from '@/lib/key-store';
import { refusal } from '@/lib/errors';
import { oneLineFormAction } from '@/lib/server/refusals';
import type { AdminFormState } from '../actions';
import { requireAdmin } from '../require-admin';
import { adminWords } from '../admin-words';

export async function rotateKeyAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const purpose = String(form.get('purpose') ?? '');
  return oneLineFormAction('admin keys', async () => {
    if (!isKeyPurpose(purpose)) throw refusal('KEY_PURPOSE_UNKNOWN');
    const key = await rotateKey(db(), purpose, new Date(), shop().settings.appKeys);
    revalidatePath('/admin/keys');
    return { message: (await adminWords()).t('keyRotated', { purpose, kid: key.kid, generation: String(key.generation) }) };
  });
}
