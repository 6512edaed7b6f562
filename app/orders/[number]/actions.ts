'use server';

import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { correctDeliveryAddress } from '@/lib/orders/correct-address';
import { ADDRESS_FIELDS, deliveryAddressSchema } from '@/lib/orders/address';
import { formValues, parseWith, type FieldErrors } from '@/lib/forms';
import { OrderError } from '@/lib/orders/errors';
import { orderPath } from '@/lib/order-access/links';
import { queryPairs } from '@/lib/signing';
import { getShopSession } from '@/lib/server/session';

export interface CorrectionState {
  errors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
  saved?: boolean;
}

export async function correctAddressAction(_prev: CorrectionState, form: FormData): Promise<CorrectionState> {
  const values = formValues(form, ADDRESS_FIELDS);
  const parsed = parseWith(deliveryAddressSchema, values);
  if (!parsed.ok) return { errors: parsed.errors, values };
  const number = String(form.get('number') ?? '');
  const session = await getShopSession();
  try {
    await correctDeliveryAddress(db(), {
      number,
      query: queryPairs(String(form.get('link') ?? '')),
      sessionOrders: session.orders ?? [],
      address: parsed.value,
    }, shop().rings.orders, new Date());
  } catch (error) {
    if (error instanceof OrderError) return { formError: error.message, values };
    throw error;
  }
  revalidatePath(orderPath(number));
  return { saved: true, values };
}
