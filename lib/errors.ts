// The one base class of the shop's typed errors. Every capability's failures
// extend ShopError with a stable `code` from ErrorCode, and lib/http/errors.ts
// maps each code to an HTTP status; that map `satisfies Record<ErrorCode, …>`,
// so a code added here without a status (or the reverse) fails `tsc`.
//
// To add a capability's errors: add its codes to ErrorCode (a new union member
// list is fine), extend ShopError (or use `shopErrorKind`), and add each code
// to the map in lib/http/errors.ts.

export type OrderErrorCode =
  | 'ORDER_NOT_FOUND' | 'ORDER_ACCESS_DENIED' | 'ADDRESS_LOCKED' | 'EMPTY_CART' | 'UNKNOWN_PRODUCTS'
  | 'ALREADY_DISPATCHED' | 'CONCURRENT_CHANGE';

export type DownloadErrorCode =
  | 'TOKEN_MALFORMED' | 'TOKEN_SIGNATURE_INVALID' | 'TOKEN_EXPIRED' | 'WRONG_PRODUCT' | 'LICENSE_NOT_FOUND'
  | 'LICENSE_REVOKED' | 'LICENSE_EXPIRED' | 'DOWNLOAD_LIMIT_REACHED' | 'FILE_UNAVAILABLE' | 'RANGE_NOT_SATISFIABLE';

export type SigningErrorCode = 'SIGNATURE_MISSING' | 'INVALID_SIGNATURE' | 'LINK_EXPIRED';

/** Refusals of the request itself, before any capability runs. */
export type RequestErrorCode =
  | 'BAD_REQUEST' | 'CROSS_ORIGIN' | 'FORBIDDEN' | 'NOT_FOUND' | 'BODY_TOO_LARGE' | 'RATE_LIMITED' | 'UPLOAD_REJECTED';

export type ErrorCode =
  | OrderErrorCode | DownloadErrorCode | SigningErrorCode | RequestErrorCode
  | 'CART_INVALID' | 'CONFIG_INVALID' | 'CLAIM_LINK_INVALID';

export abstract class ShopError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A ShopError subclass for one code with a default (server-log) message. */
export function shopErrorKind<C extends ErrorCode>(code: C, defaultMessage: string) {
  return class extends ShopError {
    readonly code: C = code;
    constructor(detail = defaultMessage) { super(detail); }
  };
}

/** Request-level refusals (body limits, origin checks, rate limits) that route handlers throw. */
export class RequestRefused extends ShopError {
  constructor(readonly code: RequestErrorCode, message: string, readonly retryAfterSeconds?: number) { super(message); }
}
