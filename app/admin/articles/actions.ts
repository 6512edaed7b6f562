'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { parseDbId } from '@/lib/db/schema-files';
import { refusal, type ErrorCode } from '@/lib/errors';
import { formValues, parseInput } from '@/lib/forms';
import { oneLineFormAction } from '@/lib/server/refusals';
import {
  ARTICLE_FIELDS, ARTICLE_TEXTS_FIELDS, articleSchema, articleTextsSchema, PASS_FIELDS, passSchema, saveArticle, saveArticleTexts, savePass,
} from '@/lib/content/admin';
import { requireAdmin } from '../require-admin';
import { adminWords } from '../admin-words';
import type { AdminFormState } from '../actions';

/** The id a form edits (null: a new item); a malformed one is refused as `notFound`. */
function idOf(form: FormData, notFound: ErrorCode): number | null {
  if (!form.get('id')) return null;
  const id = parseDbId(String(form.get('id')));
  if (id === null) throw refusal(notFound);
  return id;
}

export async function saveArticleAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin articles', async () => {
    const article = parseInput(articleSchema, formValues(form, ARTICLE_FIELDS));
    await saveArticle(db(), idOf(form, 'CONTENT_NOT_FOUND'), article, new Date());
    revalidatePath('/admin/articles');
    return { message: (await adminWords()).t('articleSaved') };
  });
}

export async function saveArticleTextsAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin article texts', async () => {
    const texts = parseInput(articleTextsSchema, formValues(form, ARTICLE_TEXTS_FIELDS));
    const id = idOf(form, 'CONTENT_ITEM_NOT_FOUND');
    if (id === null) throw refusal('CONTENT_ITEM_NOT_FOUND');
    await saveArticleTexts(db(), id, texts);
    revalidatePath('/admin/articles');
    const { t, languageName } = await adminWords();
    return { message: t('textsSaved', { language: languageName(texts.locale) }) };
  });
}

export async function savePassAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin passes', async () => {
    const pass = parseInput(passSchema, { ...formValues(form, PASS_FIELDS), articleSlugs: form.getAll('articleSlugs').map(String) });
    await savePass(db(), idOf(form, 'PASS_NOT_FOUND'), pass, new Date());
    revalidatePath('/admin/articles');
    return { message: (await adminWords()).t('passSaved') };
  });
}
