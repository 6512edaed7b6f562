// What the article page shows, from plain request values: the body for a valid link (or a
// free article), otherwise the teaser and why it is locked. Never throws for a bad link.
import { publicArticle, type PublicArticle } from '../content/articles';
import type { ContentLinkErrorCode } from '../errors';
import { unlockArticle, type AccessContext, type Presented } from './access';
import { ContentLinkError, ContentNotFound, LinkExpired, LinkMissing, LinkRevoked } from './errors';

export type LockReason = 'no-link' | 'expired' | 'revoked' | 'invalid' | 'wrong-content';

export type ArticlePage =
  | { state: 'unlocked'; article: PublicArticle; html: string }
  | { state: 'locked'; article: PublicArticle; reason: LockReason };

const REASON: Partial<Record<ContentLinkErrorCode, LockReason>> = {
  CONTENT_LINK_MISSING: 'no-link',
  CONTENT_LINK_EXPIRED: 'expired',
  CONTENT_LINK_REVOKED: 'revoked',
  CONTENT_LINK_WRONG_CONTENT: 'wrong-content',
};

/** Why a link does not open the content, as the article and pass pages say it. */
export const lockReasonOf = (error: ContentLinkError): LockReason => REASON[error.code] ?? 'invalid';

/** A request URL carries an article link only when it has a signature parameter. */
export const linkInUrl = (rawUrl: string | null) => (rawUrl && /[?&]ss=/.test(rawUrl) ? rawUrl : null);

export async function resolveArticlePage(ctx: AccessContext, slug: string, presented: Presented): Promise<ArticlePage | null> {
  try {
    const { article, html } = await unlockArticle(ctx, slug, presented);
    return { state: 'unlocked', article, html };
  } catch (error) {
    if (error instanceof ContentNotFound) return null;
    if (!(error instanceof ContentLinkError)) throw error;
    const article = await publicArticle(ctx.db, slug, ctx.language);
    if (!article) return null;
    // expected outcomes of genuine links are not worth a warning; a bad one is
    if (!(error instanceof LinkExpired || error instanceof LinkMissing || error instanceof LinkRevoked)) console.warn(`[article page] locked: ${error.code}: ${error.message}`);
    return { state: 'locked', article, reason: lockReasonOf(error) };
  }
}
