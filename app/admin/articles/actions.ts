'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { parseDbId } from '@/lib/db/schema-files';
import { formValues, parseWith } from '@/lib/forms';
import { ARTICLE_FIELDS, articleSchema, ContentAdminError, PASS_FIELDS, passSchema, saveArticle, savePass } from '@/lib/content/admin';
import { requireAdmin } from '../require-admin';
import type { AdminFormState } from '../actions';

const idOf = (form: FormData) => (form.get('id') ? parseDbId(String(form.get('id'))) : null);

async function save(write: () => Promise<unknown>, message: string): Promise<AdminFormState> {
  try {
    await write();
  } catch (error) {
    if (error instanceof ContentAdminError) return { error: error.message };
    throw error;
  }
  revalidatePath('/admin/articles');
  return { message };
}

export async function saveArticleAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const parsed = parseWith(articleSchema, formValues(form, ARTICLE_FIELDS));
  if (!parsed.ok) return { error: Object.entries(parsed.errors).map(([field, message]) => `${field}: ${message}`).join(' ') };
  const id = idOf(form);
  if (form.get('id') && id === null) return { error: 'No such article.' };
  return save(() => saveArticle(db(), id, parsed.value, new Date()), 'Article saved.');
}

export async function savePassAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = { ...formValues(form, PASS_FIELDS), articleSlugs: form.getAll('articleSlugs').map(String) };
  const parsed = passSchema.safeParse(values);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' ') };
  const id = idOf(form);
  if (form.get('id') && id === null) return { error: 'No such pass.' };
  return save(() => savePass(db(), id, parsed.data, new Date()), 'Pass saved.');
}
