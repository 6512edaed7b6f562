// The one base class of the shop's typed errors. Every capability's failures
// extend ShopError with a stable `code` from ErrorCode, and lib/http/errors.ts
// maps each code to an HTTP status; that map `satisfies Record<ErrorCode, …>`,
// so a code added here without a status (or the reverse) fails `tsc`. The words
// a person reads are in messages/<locale>.json under `Errors.<CODE>`; an error's
// `message` is for the server log only.
//
// To add a capability's errors: add its codes to ErrorCode (a new union member
// list is fine), extend ShopError (or use `shopErrorKind`), add each code to the
// map in lib/http/errors.ts and its words to every messages/*.json.

export type OrderErrorCode =
  | 'ORDER_NOT_FOUND' | 'ORDER_ACCESS_DENIED' | 'ADDRESS_LOCKED'
  | 'ALREADY_DISPATCHED' | 'CONCURRENT_CHANGE' | 'NOTHING_TO_DISPATCH';

/** Checkout from a cart or a merchant's draft, coupons and merchant accounts. */
export type CheckoutErrorCode =
  | 'EMPTY_CART' | 'UNKNOWN_PRODUCTS' | 'ORDER_TOO_LARGE'
  | 'COUNTRY_NOT_SOLD' | 'PRODUCT_NOT_SOLD' | 'DUPLICATE_ITEM' | 'CUSTOM_PRICE_MISSING' | 'DRAFT_GONE'
  | 'COUPON_UNKNOWN' | 'COUPON_EXPIRED' | 'COUPON_EXHAUSTED' | 'COUPON_NOT_IN_CURRENCY' | 'ACCOUNT_NOT_FOUND';

export type SecurePayloadErrorCode =
  | 'UNKNOWN_ACCESS_KEY' | 'INTEGRATION_DISABLED' | 'PAYLOAD_TOO_LARGE' | 'PAYLOAD_MALFORMED' | 'KEY_MISMATCH'
  | 'DECRYPTION_FAILED' | 'ALGORITHM_REFUSED' | 'WRONG_AUDIENCE' | 'PAYLOAD_EXPIRED' | 'LIFETIME_TOO_LONG'
  | 'TIMESTAMP_STALE' | 'TIMESTAMP_IN_FUTURE' | 'REPLAYED' | 'PLAIN_NOT_ALLOWED' | 'PAYLOAD_INVALID';

export type ContentLinkErrorCode =
  | 'CONTENT_LINK_MISSING' | 'CONTENT_LINK_MALFORMED' | 'CONTENT_LINK_SIGNATURE_INVALID'
  | 'CONTENT_LINK_WRONG_CONTENT' | 'CONTENT_LINK_EXPIRED' | 'CONTENT_LINK_REVOKED' | 'CONTENT_NOT_FOUND';

export type DownloadErrorCode =
  | 'TOKEN_MALFORMED' | 'TOKEN_SIGNATURE_INVALID' | 'TOKEN_EXPIRED' | 'WRONG_PRODUCT' | 'LICENSE_NOT_FOUND'
  | 'LICENSE_REVOKED' | 'LICENSE_EXPIRED' | 'DOWNLOAD_LIMIT_REACHED' | 'FILE_UNAVAILABLE' | 'RANGE_NOT_SATISFIABLE'
  | 'FILE_SOURCE_MISCONFIGURED' | 'VERSION_UNAVAILABLE';

/** Publishing and withdrawing a product's versions (lib/versions). */
export type VersionErrorCode = 'VERSION_TAKEN' | 'VERSION_NOT_FOUND';

/** Paying, refunding, and what payment providers tell the shop. */
export type PaymentErrorCode =
  | 'ORDER_NOT_PAYABLE' | 'PAYMENT_MISMATCH' | 'REFUND_TOO_LARGE' | 'REFUND_EMPTY' | 'REFUND_LINE_UNKNOWN'
  | 'PAYMENT_PROVIDER_UNAVAILABLE' | 'PAYMENT_PROVIDER_REFUSED' | 'WEBHOOK_SIGNATURE_INVALID' | 'WEBHOOK_TOO_EARLY'
  | 'PAYMENT_PROVIDER_NOT_CONFIGURED';

/** The License API (activate, validate, deactivate, update) and freeing activations. */
export type LicenseApiErrorCode =
  | 'LICENSE_KEY_MALFORMED' | 'LICENSE_KEY_UNKNOWN' | 'LICENSE_KEY_DISABLED' | 'LICENSE_KEY_EXPIRED' | 'ACTIVATION_LIMIT_REACHED'
  | 'LICENSE_OTHER_PRODUCT' | 'INSTANCE_UNKNOWN' | 'INSTANCE_DEACTIVATED' | 'UPDATE_UNAVAILABLE' | 'LICENSE_REQUEST_INVALID'
  | 'LICENSE_MEDIA_TYPE' | 'METHOD_NOT_ALLOWED';

export type SigningErrorCode = 'SIGNATURE_MISSING' | 'INVALID_SIGNATURE' | 'LINK_EXPIRED';

/** Refusals of the request itself, before any capability runs. */
export type RequestErrorCode =
  | 'BAD_REQUEST' | 'CROSS_ORIGIN' | 'FORBIDDEN' | 'NOT_FOUND' | 'BODY_TOO_LARGE' | 'RATE_LIMITED'
  | 'UPLOAD_REJECTED' | 'UPLOAD_EMPTY' | 'UPLOAD_MISSING' | 'INPUT_INVALID';

/** What the admin pages refuse: logins, mail, and records that do not exist. */
export type AdminErrorCode =
  | 'ADMIN_LOGIN_FAILED' | 'ADMIN_LOGIN_THROTTLED' | 'SMTP_NOT_CONFIGURED' | 'INTEGRATION_NOT_FOUND'
  | 'KEY_PURPOSE_UNKNOWN' | 'KEY_UNSEALABLE' | 'DOWNLOAD_PRODUCT_NOT_FOUND' | 'DUPLICATE_COUPON_CODE'
  | 'PASS_NOT_FOUND' | 'CONTENT_ITEM_NOT_FOUND' | 'CONTENT_TAKEN' | 'CONTENT_PRODUCT_KIND' | 'PRODUCT_NOT_FOUND';

/** A merchant's certificate upload, refused with what to do instead. */
export type CertificateErrorCode =
  | 'CERTIFICATE_MISSING' | 'CERTIFICATE_TOO_LARGE' | 'CERTIFICATE_PRIVATE_KEY' | 'CERTIFICATE_NOT_PEM'
  | 'CERTIFICATE_SEVERAL' | 'CERTIFICATE_WRONG_BLOCK' | 'CERTIFICATE_UNREADABLE' | 'CERTIFICATE_KEY_TOO_SMALL'
  | 'CERTIFICATE_KEY_TOO_LARGE' | 'CERTIFICATE_KEY_TYPE';

export type ErrorCode =
  | OrderErrorCode | PaymentErrorCode | 'TRANSITION_NOT_ALLOWED' | DownloadErrorCode | LicenseApiErrorCode | SigningErrorCode | RequestErrorCode
  | CheckoutErrorCode | SecurePayloadErrorCode | ContentLinkErrorCode | AdminErrorCode | CertificateErrorCode | VersionErrorCode
  | 'CART_INVALID' | 'CONFIG_INVALID' | 'CLAIM_LINK_INVALID' | 'ORDER_CLAIM_THROTTLED'
  | 'SIGN_IN_LINK_INVALID' | 'FRESH_LINK_REFUSED';

/** Values a message names (a coupon code, a limit): ICU arguments of its words in messages/*.json. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Why one form field was refused: a key of the `FieldErrors` catalogue and the values it names. */
export interface FieldReason { reason: string; params?: MessageParams }

export type FieldReasons = Readonly<Record<string, FieldReason>>;

export interface ShopErrorOptions extends ErrorOptions {
  params?: MessageParams;
  fields?: FieldReasons;
}

export abstract class ShopError extends Error {
  abstract readonly code: ErrorCode;
  /** A detail safe to show after the code's public message (e.g. which payload field is wrong). */
  readonly publicDetail?: string;
  /** Headers the refusal's reply must carry (e.g. Content-Range on a 416). */
  readonly replyHeaders?: Readonly<Record<string, string>>;
  readonly params?: MessageParams;
  /** Input refusals: the reason per form field, shown next to each field. */
  readonly fields?: FieldReasons;
  constructor(message: string, { params, fields, ...options }: ShopErrorOptions = {}) {
    super(message, options);
    this.name = new.target.name;
    this.params = params;
    this.fields = fields;
  }
}

/**
 * Concrete error classes under a capability's own base class (so callers can test
 * `instanceof DownloadError`), one per code, each with a default (server-log) message.
 */
export function errorKindsOf<C extends ErrorCode>(Base: abstract new (message: string) => ShopError) {
  return <K extends C>(code: K, defaultMessage: string) => {
    abstract class Kind extends Base {}
    return class extends Kind {
      readonly code: K = code;
      constructor(detail = defaultMessage) { super(detail); }
    };
  };
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
  constructor(readonly code: RequestErrorCode, message: string, readonly retryAfterSeconds?: number, params?: MessageParams) {
    super(message, { params });
  }
}

/** Form input that does not validate: one code, a reason per field. */
export class InputInvalid extends ShopError {
  readonly code = 'INPUT_INVALID';
  constructor(fields: FieldReasons) { super(`invalid input: ${Object.keys(fields).join(', ')}`, { fields }); }
}

/** A refusal that names only its code (and the values its words name): `throw refusal('INTEGRATION_NOT_FOUND')`. */
class Refusal extends ShopError {
  constructor(readonly code: ErrorCode, params?: MessageParams) { super(code, { params }); }
}
export const refusal = (code: ErrorCode, params?: MessageParams): ShopError => new Refusal(code, params);
