'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/server/shop';
import { oneLineFormAction } from '@/lib/server/refusals';
import { parseDbId } from '@/lib/db/schema-files';
import { freeActivation } from '@/lib/licenses/activations';
import { InstanceUnknown } from '@/lib/licenses/errors';
import { requireAdmin } from '../../require-admin';
import { adminWords } from '../../admin-words';
import type { AdminFormState } from '../../actions';

/** An admin frees one activation of a key (a buyer who lost a computer, say). */
export async function adminFreeActivationAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  return oneLineFormAction('admin free activation', async () => {
    const license = await db().license.findUnique({ where: { id: parseDbId(form.get('licenseId')) ?? -1 }, select: { id: true, order: { select: { number: true } } } });
    if (!license) throw new InstanceUnknown();
    await freeActivation(db(), license.id, String(form.get('instanceId') ?? ''), 'admin', new Date());
    revalidatePath(`/admin/orders/${license.order.number}`);
    return { message: (await adminWords()).t('activationFreed') };
  });
}
