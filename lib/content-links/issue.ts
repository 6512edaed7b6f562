// Minting links for what a buyer was granted: an article link, or a pass link, expiring when
// the grant ends and naming the grant (`sg`), so revoking it stops the link. Pure: the signing
// key and origin are passed in.
import { grantTitle, isGrantRunning, type GrantWithContent } from '../content/grants';
import { articlePath, passPath, signContentLink, type SigningKey } from './link';

export interface LinkSigner { publicOrigin: string; key: SigningKey }

export interface IssuedLink { title: string; url: string; kind: 'article' | 'pass'; expiresAt: Date }

type MintableGrant = Pick<GrantWithContent, 'validUntil' | 'revokedAt' | 'linkRef' | 'article' | 'pass' | 'orderItem'>;

/** `language` names the link (the article's title, the pass's name) for the reader. */
export function linkForGrant(grant: MintableGrant, signer: LinkSigner, language = 'en'): IssuedLink | null {
  const si = grant.orderItem.product.slug;
  const se = grant.validUntil.getTime();
  const sg = grant.linkRef;
  if (grant.article) {
    const path = articlePath(grant.article.slug);
    const url = signContentLink(signer.publicOrigin, path, { sp: grant.article.contentId ?? undefined, se, si, sg }, signer.key);
    return { title: grantTitle(grant, language), url, kind: 'article', expiresAt: grant.validUntil };
  }
  if (grant.pass) {
    const url = signContentLink(signer.publicOrigin, passPath(grant.pass.slug), { se, si, sg }, signer.key);
    return { title: grantTitle(grant, language), url, kind: 'pass', expiresAt: grant.validUntil };
  }
  return null;
}

/** Links for the grants still running at `now`; ended and revoked grants mint nothing. */
export const linksForGrants = (grants: readonly MintableGrant[], signer: LinkSigner, now: Date, language = 'en'): IssuedLink[] =>
  grants.filter((grant) => isGrantRunning(grant, now)).flatMap((grant) => linkForGrant(grant, signer, language) ?? []);

/** An article page that opens with a pass link. */
export const articleUrlWithPass = (publicOrigin: string, articleSlug: string, passLink: string) =>
  `${publicOrigin}${articlePath(articleSlug)}?pass=${encodeURIComponent(passLink)}`;
