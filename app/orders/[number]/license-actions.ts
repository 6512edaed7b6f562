'use server';

import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { freeActivationAsBuyer } from '@/lib/licenses/free';
import { orderPath } from '@/lib/order-access/links';
import { queryPairs } from '@/lib/signing';
import { oneLineFormAction } from '@/lib/server/refusals';
import { getShopSession } from '@/lib/server/session';

export interface FreeState { error?: string; freed?: boolean }

/** "Free" next to an activation on the FULL tier: the key can be activated on another computer. */
export async function freeActivationAction(_prev: FreeState, form: FormData): Promise<FreeState> {
  const number = String(form.get('number') ?? '');
  const result = await oneLineFormAction('free activation', async () => {
    const session = await getShopSession();
    await freeActivationAsBuyer(db(), {
      number, query: queryPairs(String(form.get('link') ?? '')), sessionOrders: session.orders ?? [],
      licenseId: Number(form.get('licenseId')), instanceId: String(form.get('instanceId') ?? ''),
    }, shop().rings.orders, new Date());
    return { freed: true };
  });
  if ('freed' in result) revalidatePath(orderPath(number));
  return result;
}
