'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { isLocale } from '@/lib/i18n/locales';
import { LANGUAGE_COOKIE, languageCookieOptions } from '@/lib/server/i18n-request';
import { getShopSession } from '@/lib/server/session';
import { shop } from '@/lib/server/shop';

/** The language switch: kept for a year in its own cookie, and for this session (it wins over a merchant's choice). */
export async function chooseLanguageAction(form: FormData) {
  const language = String(form.get('language') ?? '');
  if (!isLocale(language)) return;
  (await cookies()).set(LANGUAGE_COOKIE, language, languageCookieOptions(shop().secure));
  const session = await getShopSession();
  session.locale = language;
  await session.save();
  revalidatePath('/', 'layout');
}
