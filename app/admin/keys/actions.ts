'use server';

import { revalidatePath } from 'next/cache';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { isKeyPurpose, rotateKey } from '@/lib/key-store';
import type { AdminFormState } from '../actions';
import { requireAdmin } from '../require-admin';

export async function rotateKeyAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const purpose = String(form.get('purpose') ?? '');
  if (!isKeyPurpose(purpose)) return { error: 'No such key purpose.' };
  const key = await rotateKey(db(), purpose, new Date(), config().appKeys);
  revalidatePath('/admin/keys');
  return { message: `New ${purpose} key ${key.kid} (generation ${key.generation}) is active; the previous one stays published for its grace period.` };
}
