'use server';

import { redirect } from 'next/navigation';
import { getShopSession } from '@/lib/server/session';

export async function signOutAccountAction() {
  const session = await getShopSession();
  session.accountId = undefined;
  await session.save();
  redirect('/account');
}
