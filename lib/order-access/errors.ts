import { ShopError } from '../errors';

export class OrderAccessDenied extends ShopError {
  readonly code = 'ORDER_ACCESS_DENIED';
  constructor() { super('This link and browser may not change this order.'); }
}
