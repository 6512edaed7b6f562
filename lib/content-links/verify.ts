// Verifying a signed content link in the manner of Laravel's UrlGenerator: a correct
// signature, not expired, and for this content. The clock and the keys are passed in.
import { verify, type KeyObject } from 'node:crypto';
import { InvalidSignature, LinkExpired, LinkNotForContent } from './errors';
import { parseContentLink, type ParsedLink } from './link';

/**
 * Public keys that may have signed a link: the one named by `kid`, or every RS256 key when there
 * is none. A source with its keys in memory answers synchronously, which keeps a hot path free
 * of promise round-trips.
 */
export interface KeySource {
  candidates(kid: string | undefined): readonly KeyObject[] | Promise<readonly KeyObject[]>;
}

/** What a link must name to open a piece of content (an article or a pass). */
export interface ContentTarget {
  path: string;
  /** The publisher's content id; when set, `sp` must equal it. */
  contentId?: string | null;
  /** Products (by id as written in `si`) whose purchase grants this content. */
  productIds: readonly string[];
}

export function signatureVerifies(link: ParsedLink, candidates: readonly KeyObject[]): boolean {
  const data = Buffer.from(link.signedText, 'utf8');
  return candidates.some((key) => verify('RSA-SHA256', data, key, link.signature));
}

export async function hasCorrectSignature(link: ParsedLink, keys: KeySource): Promise<boolean> {
  const found = keys.candidates(link.fields.sk);
  return signatureVerifies(link, Array.isArray(found) ? found : await found);
}

/** `se` is inclusive: a link is good up to and including its expiry millisecond. */
export const linkHasNotExpired = (link: ParsedLink, nowMs: number) => nowMs <= link.fields.se;

export function linkNamesContent(link: ParsedLink, target: ContentTarget): boolean {
  if (link.path !== target.path) return false;
  if (target.contentId && link.fields.sp !== target.contentId) return false;
  return target.productIds.includes(link.fields.si);
}

/** Throws InvalidSignature, LinkExpired or LinkNotForContent; returns the parsed link when it is good. */
export async function verifyParsedLink(link: ParsedLink, target: ContentTarget, keys: KeySource, nowMs: number): Promise<ParsedLink> {
  const found = keys.candidates(link.fields.sk);
  if (!signatureVerifies(link, Array.isArray(found) ? found : await found)) throw new InvalidSignature();
  if (!linkHasNotExpired(link, nowMs)) throw new LinkExpired(link.fields.se);
  if (!linkNamesContent(link, target)) throw new LinkNotForContent();
  return link;
}

export async function verifyContentLink(raw: string, publicOrigin: string, target: ContentTarget, keys: KeySource, nowMs: number) {
  return verifyParsedLink(parseContentLink(raw, publicOrigin), target, keys, nowMs);
}
