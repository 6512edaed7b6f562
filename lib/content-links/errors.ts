// Typed failures of a signed content link; lib/http/errors.ts maps each to a status and a short message.
import { errorKindsOf, ShopError, type ContentLinkErrorCode } from '../errors';

export abstract class ContentLinkError extends ShopError {
  abstract readonly code: ContentLinkErrorCode;
}

const kind = errorKindsOf<ContentLinkErrorCode>(ContentLinkError);

export class LinkMissing extends kind('CONTENT_LINK_MISSING', 'no signed link was presented') {}
export class LinkMalformed extends kind('CONTENT_LINK_MALFORMED', 'the signed link is not well formed') {}
export class InvalidSignature extends kind('CONTENT_LINK_SIGNATURE_INVALID', 'the signature does not verify with any known key') {}
export class LinkNotForContent extends kind('CONTENT_LINK_WRONG_CONTENT', 'the link is for other content') {}
/** A genuine link whose grant (`sg`) was revoked (its line refunded or cancelled) or no longer exists. */
export class LinkRevoked extends kind('CONTENT_LINK_REVOKED', 'the grant the link was issued for is revoked or gone') {}
export class ContentNotFound extends kind('CONTENT_NOT_FOUND', 'no such article') {}
export class LinkExpired extends ContentLinkError {
  readonly code = 'CONTENT_LINK_EXPIRED';
  constructor(readonly expiredAt: number) { super(`the link expired at ${expiredAt} (epoch ms)`); }
}
