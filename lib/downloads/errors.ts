// Typed failures of a download; lib/http/errors.ts maps each to a status and a short message.
import { errorKindsOf, ShopError, type DownloadErrorCode } from '../errors';

export abstract class DownloadError extends ShopError {
  abstract readonly code: DownloadErrorCode;
}

const kind = errorKindsOf<DownloadErrorCode>(DownloadError);

export class TokenMalformed extends kind('TOKEN_MALFORMED', 'the token is not a well-formed download token') {}
export class TokenSignatureInvalid extends kind('TOKEN_SIGNATURE_INVALID', 'the token signature does not match any key') {}
export class TokenExpired extends kind('TOKEN_EXPIRED', 'the token has expired') {}
export class WrongProduct extends kind('WRONG_PRODUCT', 'the token is for another product') {}
export class LicenseNotFound extends kind('LICENSE_NOT_FOUND', 'no such license') {}
export class LicenseRevoked extends kind('LICENSE_REVOKED', 'the license is revoked') {}
export class LicenseExpired extends kind('LICENSE_EXPIRED', 'the license has expired') {}
export class DownloadLimitReached extends kind('DOWNLOAD_LIMIT_REACHED', 'the download limit is reached') {}
export class FileUnavailable extends kind('FILE_UNAVAILABLE', 'no file is configured for the product') {}
/** The product's file source failed in a way only an admin can mend (S3 credentials, a bucket setting). */
export class FileSourceMisconfigured extends kind('FILE_SOURCE_MISCONFIGURED', 'the file source cannot be used') {}
export class RangeNotSatisfiable extends kind('RANGE_NOT_SATISFIABLE', 'the requested range is outside the file') {
  override readonly replyHeaders: Readonly<Record<string, string>>;
  constructor(readonly size = 0) {
    super();
    this.replyHeaders = { 'Content-Range': `bytes */${size}` };
  }
}
/** The token's version is withdrawn, of another product, or older than the latest while the product does not allow older ones. */
export class VersionUnavailable extends kind('VERSION_UNAVAILABLE', 'that version cannot be downloaded') {}
