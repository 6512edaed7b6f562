'use server';

import { revalidatePath } from 'next/cache';
import { db, shop } from '@/lib/server/shop';
import { correctDeliveryAddress } from '@/lib/orders/correct-address';
import { ADDRESS_FIELDS, deliveryAddressSchema } from '@/lib/orders/address';
import { formValues, parseInput, type FieldErrors } from '@/lib/forms';
import { orderPath } from '@/lib/order-access/links';
import { queryPairs } from '@/lib/signing';
import { actionRefusal } from '@/lib/server/refusals';
import { getShopSession } from '@/lib/server/session';

export interface CorrectionState {
  errors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
  saved?: boolean;
}

export async function correctAddressAction(_prev: CorrectionState, form: FormData): Promise<CorrectionState> {
  const values = formValues(form, ADDRESS_FIELDS);
  const number = String(form.get('number') ?? '');
  try {
    const address = parseInput(deliveryAddressSchema, values);
    const session = await getShopSession();
    await correctDeliveryAddress(db(), {
      number,
      query: queryPairs(String(form.get('link') ?? '')),
      sessionOrders: session.orders ?? [],
      address,
    }, shop().rings.orders, new Date());
  } catch (error) {
    const { message, fields } = await actionRefusal(error, 'address correction');
    return fields ? { errors: fields, values } : { formError: message, values };
  }
  revalidatePath(orderPath(number));
  return { saved: true, values };
}
