import { ShopError, type CheckoutErrorCode } from '../errors';

export abstract class CouponError extends ShopError {
  abstract readonly code: CheckoutErrorCode;
}

export class CouponUnknown extends CouponError {
  readonly code = 'COUPON_UNKNOWN';
  constructor(readonly couponCode: string) { super(`The coupon “${couponCode}” does not exist.`, { params: { coupon: couponCode } }); }
}

export class CouponExpired extends CouponError {
  readonly code = 'COUPON_EXPIRED';
  constructor(readonly couponCode: string) { super(`The coupon “${couponCode}” has expired.`, { params: { coupon: couponCode } }); }
}

export class CouponExhausted extends CouponError {
  readonly code = 'COUPON_EXHAUSTED';
  constructor(readonly couponCode: string) { super(`The coupon “${couponCode}” has been used up.`, { params: { coupon: couponCode } }); }
}

export class CouponNotInCurrency extends CouponError {
  readonly code = 'COUPON_NOT_IN_CURRENCY';
  constructor(readonly couponCode: string, readonly currency: string) {
    super(`The coupon “${couponCode}” cannot be used for orders in ${currency}.`, { params: { coupon: couponCode, currency } });
  }
}
