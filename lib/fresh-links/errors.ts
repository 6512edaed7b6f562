import { shopErrorKind } from '../errors';

/** Only a genuine (correctly signed) link that has expired may be renewed: a tampered, unknown or still valid one mails nothing. */
export class FreshLinkRefused extends shopErrorKind('FRESH_LINK_REFUSED', 'the link is not a genuine expired link') {}
