'use server';

import { redirect } from 'next/navigation';
import { getShopSession } from '@/lib/session/next';

export async function signOutAccountAction() {
  const session = await getShopSession();
  session.accountId = undefined;
  await session.save();
  redirect('/account');
}
