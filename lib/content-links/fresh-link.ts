// "Send me a fresh link": for a genuine (correctly signed) but expired link, mail fresh links
// for the grants that address still holds. The caller answers the same whatever happens here,
// so the form reveals neither purchases nor addresses.
import type { Db } from '../db/client';
import { runningGrantsFor } from '../content/grants';
import { enqueueMail } from '../mail/outbox';
import { translatorFor } from '../i18n/messages';
import { readingLines } from './reading-lines';
import { ContentLinkError } from './errors';
import { linksForGrants, type LinkSigner } from './issue';
import { parseContentLink } from './link';
import { hasCorrectSignature, type KeySource } from './verify';

/** One fresh-link mail per address per window, so the form cannot flood a buyer's inbox. */
export const FRESH_LINK_WINDOW_MS = 10 * 60_000;

export interface FreshLinkContext { db: Db; keys: KeySource; signer: LinkSigner; now: Date }

/** Returns how many mails were queued (0 or 1); callers must not show it. */
export async function sendFreshLinks(ctx: FreshLinkContext, expiredLink: string, email: string): Promise<number> {
  let si: string;
  try {
    const link = parseContentLink(expiredLink, ctx.signer.publicOrigin);
    if (!(await hasCorrectSignature(link, ctx.keys))) return 0;
    si = link.fields.si;
  } catch (error) {
    if (error instanceof ContentLinkError) return 0;
    throw error;
  }
  const grants = await runningGrantsFor(ctx.db, email, si, ctx.now);
  if (grants.length === 0) return 0;
  const { order } = grants[0];
  const recent = await ctx.db.outboxMessage.count({
    where: { kind: 'content-links', recipient: order.email, createdAt: { gt: new Date(ctx.now.getTime() - FRESH_LINK_WINDOW_MS) } },
  });
  if (recent > 0) return 0;
  // In the order's language, like its other emails.
  const t = translatorFor(order.language, 'Reading');
  await enqueueMail(ctx.db, {
    kind: 'content-links', orderId: order.id, recipient: order.email,
    subject: t('mailSubject', { number: order.number }),
    text: [t('mailHello', { name: order.fullName }), '', t('mailIntro'), '',
      ...readingLines(linksForGrants(grants, ctx.signer, ctx.now, order.language), order.language), t('mailIgnore')].join('\n'),
  }, ctx.now);
  return 1;
}
