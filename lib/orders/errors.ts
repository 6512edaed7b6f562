import { ShopError, type OrderErrorCode } from '../errors';

export abstract class OrderError extends ShopError {
  abstract readonly code: OrderErrorCode;
}

export class OrderNotFound extends OrderError {
  readonly code = 'ORDER_NOT_FOUND';
  constructor() { super('No such order.'); }
}

export class AddressLocked extends OrderError {
  readonly code = 'ADDRESS_LOCKED';
  constructor() { super('The order has been dispatched; its address can no longer be changed.'); }
}

export class NothingToDispatch extends OrderError {
  readonly code = 'NOTHING_TO_DISPATCH';
  constructor() { super('This order holds nothing to post (digital and content items only).'); }
}

export class AlreadyDispatched extends OrderError {
  readonly code = 'ALREADY_DISPATCHED';
  constructor() { super('The order was already dispatched.'); }
}

export class ConcurrentChange extends OrderError {
  readonly code = 'CONCURRENT_CHANGE';
  constructor() { super('The address was changed at the same moment elsewhere; please check it and try again.'); }
}
