import { shopErrorKind } from '../errors';

export class ClaimLinkInvalid extends shopErrorKind('CLAIM_LINK_INVALID', 'the claim link is not valid') {}
