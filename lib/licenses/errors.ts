// Typed refusals of the License API and of freeing activations; lib/http/errors.ts maps each
// code to a status, messages/*.json (`Errors.<CODE>`) holds the words a client reads.
import { errorKindsOf, ShopError, type LicenseApiErrorCode } from '../errors';

/** What a refusal may still say about the key it found (Lemon Squeezy answers them beside `error`). */
export interface RefusalContext { license_key: unknown; meta: unknown; instance?: unknown }

export abstract class LicenseApiError extends ShopError {
  abstract readonly code: LicenseApiErrorCode;
  context?: RefusalContext;
  /** The refusal concerns a key the client holds: its answer may say the key's state. */
  about(context: RefusalContext): this {
    this.context = context;
    return this;
  }
}

const kind = errorKindsOf<LicenseApiErrorCode>(LicenseApiError);

export class LicenseKeyMalformed extends kind('LICENSE_KEY_MALFORMED', 'the text is not a license key') {}
export class LicenseKeyUnknown extends kind('LICENSE_KEY_UNKNOWN', 'no license has this key') {}
export class LicenseKeyDisabled extends kind('LICENSE_KEY_DISABLED', 'the license is revoked') {}
export class LicenseKeyExpired extends kind('LICENSE_KEY_EXPIRED', 'the license has expired') {}
export class ActivationLimitReached extends kind('ACTIVATION_LIMIT_REACHED', 'every activation of the license is in use') {}
export class LicenseOtherProduct extends kind('LICENSE_OTHER_PRODUCT', 'the key is for another product') {}
export class InstanceUnknown extends kind('INSTANCE_UNKNOWN', 'the license has no such instance') {}
export class InstanceDeactivated extends kind('INSTANCE_DEACTIVATED', 'the instance was deactivated') {}
export class UpdateUnavailable extends kind('UPDATE_UNAVAILABLE', 'the product has no published version') {}
export class LicenseMediaType extends kind('LICENSE_MEDIA_TYPE', 'the body is neither JSON nor a form') {}
export class MethodNotAllowed extends kind('METHOD_NOT_ALLOWED', 'the License API takes POST only') {}

/** A missing or invalid field: which one is safe to say (`publicDetail`). */
export class LicenseRequestInvalid extends LicenseApiError {
  readonly code = 'LICENSE_REQUEST_INVALID' as const;
  override readonly publicDetail: string;
  constructor(field: string) {
    super(`invalid field ${field}`);
    this.publicDetail = field;
  }
}
