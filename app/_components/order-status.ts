// An order's status in words, the same on its page, its test payment page and in "My orders".
import type { translatorFor } from '@/lib/i18n/messages';
import type { OrderStatus } from '@/lib/order-states/states';
import { isShipped, type OrderMinimalView } from '@/lib/orders/view';

/** Where a status's usual words speak of a parcel ("being prepared"), an order with nothing to post has its own. */
const UNSHIPPED_STATUS: Partial<Record<OrderStatus, 'status_paid_unshipped'>> = { paid: 'status_paid_unshipped' };

export function statusWords(t: ReturnType<typeof translatorFor<'Order'>>, view: Pick<OrderMinimalView, 'status' | 'sections'>): string {
  const unshipped = UNSHIPPED_STATUS[view.status];
  return unshipped && !isShipped(view) ? t(unshipped) : t(`status_${view.status}`);
}
