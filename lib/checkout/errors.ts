import { ShopError, type CheckoutErrorCode } from '../errors';

export abstract class CheckoutError extends ShopError {
  abstract readonly code: CheckoutErrorCode;
}

export class CountryNotSold extends CheckoutError {
  readonly code = 'COUNTRY_NOT_SOLD';
  constructor(readonly country: string) { super(`We do not sell to the country ${country}.`, { params: { country } }); }
}

export class ProductNotSold extends CheckoutError {
  readonly code = 'PRODUCT_NOT_SOLD';
  constructor(readonly slugs: string[]) { super(`Unknown product: ${slugs.join(', ')}.`, { params: { products: slugs.join(', ') } }); }
}

export class DuplicateItem extends CheckoutError {
  readonly code = 'DUPLICATE_ITEM';
  constructor(readonly slug: string) { super(`The product ${slug} is listed twice.`, { params: { product: slug } }); }
}

export class CustomPriceMissing extends CheckoutError {
  readonly code = 'CUSTOM_PRICE_MISSING';
  constructor(readonly slug: string, readonly currency: string) {
    super(`The custom price of ${slug} must be given in the order's currency, ${currency}.`, { params: { product: slug, currency } });
  }
}

export class DraftGone extends CheckoutError {
  readonly code = 'DRAFT_GONE';
  constructor() { super('This checkout has expired or was already used.'); }
}

export class EmptyCart extends CheckoutError {
  readonly code = 'EMPTY_CART';
  constructor() { super('Your cart is empty.'); }
}

export class UnknownProducts extends CheckoutError {
  readonly code = 'UNKNOWN_PRODUCTS';
  constructor(readonly slugs: string[]) { super('Some items in your cart are no longer sold; please review your cart.'); }
}

export class OrderTooLarge extends CheckoutError {
  readonly code = 'ORDER_TOO_LARGE';
  constructor() { super('The order total is larger than this shop can take in one order.'); }
}
