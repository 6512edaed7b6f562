// Typed failures of signed links and tokens; callers branch on `code`.
import { ShopError, type SigningErrorCode } from '../errors';

export abstract class SigningError extends ShopError {
  abstract readonly code: SigningErrorCode;
}

export class SignatureMissing extends SigningError {
  readonly code = 'SIGNATURE_MISSING';
  constructor() { super('the link carries no signature'); }
}

export class InvalidSignature extends SigningError {
  readonly code = 'INVALID_SIGNATURE';
  constructor() { super('the signature does not match any key in the ring'); }
}

export class LinkExpired extends SigningError {
  readonly code = 'LINK_EXPIRED';
  constructor(readonly expiredAt: number) { super(`the link expired at ${expiredAt}`); }
}
