import { ShopError } from '../errors';
import type { OrderStatus } from './states';

/** The order is not in a status that may move where the request asked. */
export class TransitionNotAllowed extends ShopError {
  readonly code = 'TRANSITION_NOT_ALLOWED';
  constructor(readonly from: OrderStatus | null, readonly to: OrderStatus) {
    super(`an order cannot go from ${from ?? 'nowhere'} to ${to}`, { params: { from: from ?? '-', to } });
  }
}
