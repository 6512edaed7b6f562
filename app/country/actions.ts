'use server';

import { revalidatePath } from 'next/cache';
import { currencyForCountry } from '@/lib/catalog/currencies';
import { getShopSession } from '@/lib/server/session';

export async function chooseCountryAction(form: FormData) {
  const country = String(form.get('country') ?? '');
  if (!currencyForCountry(country)) return;
  const session = await getShopSession();
  session.country = country;
  await session.save();
  revalidatePath('/', 'layout');
}
