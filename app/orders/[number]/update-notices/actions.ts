'use server';

import { redirect } from 'next/navigation';
import { hasCorrectSignature, queryPairs } from '@/lib/signing';
import { isOrderNumber } from '@/lib/order-access/tier';
import { optOutPath, setUpdateNotices } from '@/lib/versions/notices';
import { db } from '@/lib/server/shop';
import { optOutRing } from '@/lib/server/versions';

/** Turns the order's update notices off when the signed link it came with verifies; back to the page either way. */
export async function optOutAction(form: FormData) {
  const number = String(form.get('number') ?? '');
  const link = String(form.get('link') ?? '').slice(0, 2000);
  if (!isOrderNumber(number)) redirect('/');
  if (hasCorrectSignature(optOutPath(number), queryPairs(link), optOutRing())) await setUpdateNotices(db(), number, false);
  redirect(`${optOutPath(number)}?${link}`);
}
