import { shopErrorKind } from '../errors';

/** A sign-in link that does not verify, has expired or was used before: the reader asks for a new one. */
export class SignInLinkInvalid extends shopErrorKind('SIGN_IN_LINK_INVALID', 'the sign-in link is not valid') {}
