// What a pass link's page shows: the pass's articles, each opening with the pass link.
import { passWithArticles } from '../content/articles';
import { verifyPassLink, type AccessContext } from './access';
import { lockReasonOf } from './article-page';
import { ContentLinkError, LinkMissing } from './errors';
import { articleUrlWithPass } from './issue';

export async function resolvePassPage(ctx: AccessContext, slug: string, rawUrl: string | null) {
  const pass = await passWithArticles(ctx.db, slug, ctx.language);
  if (!pass) return null;
  const articles = pass.articles.map(({ article }) => article);
  try {
    if (!rawUrl) throw new LinkMissing();
    const link = await verifyPassLink(ctx, pass, rawUrl);
    const passLink = `${link.signedText}&ss=${link.signature.toString('base64url')}`;
    return { state: 'open' as const, pass, expiresAt: new Date(link.fields.se), articles: articles.map((a) => ({ ...a, href: articleUrlWithPass('', a.slug, passLink) })) };
  } catch (error) {
    if (!(error instanceof ContentLinkError)) throw error;
    return { state: 'locked' as const, pass, reason: lockReasonOf(error), articles };
  }
}
