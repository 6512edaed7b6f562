// Typed refusals of publishing and withdrawing versions; lib/http/errors.ts maps each to a status.
import { shopErrorKind } from '../errors';

export class VersionTaken extends shopErrorKind('VERSION_TAKEN', 'the product already has this version') {}
export class VersionNotFound extends shopErrorKind('VERSION_NOT_FOUND', 'no such version of this product') {}
