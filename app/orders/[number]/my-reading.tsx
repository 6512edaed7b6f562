// The FULL tier's reading list: every render mints fresh signed links, so a buyer whose link
// expired (or was signed with a retired key) gets a working one while the grant runs.
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { grantsOfOrder, grantTitle, isGrantRunning } from '@/lib/content/grants';
import { linkForGrant } from '@/lib/content-links/issue';
import { contentLinkSigner } from '@/lib/server/content-links';
import { formatDate } from '@/app/_components/dates';
import { translatorFor } from '@/lib/i18n/messages';

/** A refund ends access when it is made, before the grant would have run out. */
const accessEnd = (grant: { validUntil: Date; revokedAt: Date | null }) =>
  (grant.revokedAt && grant.revokedAt < grant.validUntil ? grant.revokedAt : grant.validUntil);

export async function MyReading({ number }: { number: string }) {
  const grants = await grantsOfOrder(db(), { number });
  if (grants.length === 0) return null;
  const now = new Date();
  const signer = await contentLinkSigner(now);
  const locale = await getLocale();
  const t = translatorFor(locale, 'Reading');
  return (
    <section id="reading" aria-labelledby="reading-heading" className="downloads">
      <h2 id="reading-heading">{t('heading')}</h2>
      <ul>
        {grants.map((grant) => {
          const link = isGrantRunning(grant, now) ? linkForGrant(grant, signer, locale) : null;
          const title = grantTitle(grant, locale);
          return (
            <li key={grant.id}>
              <span className="name">{title}</span>
              {link ? <>
                <span className="meta">{t('until', { date: formatDate(grant.validUntil, locale) })}</span>
                <a href={link.url} rel="noreferrer" data-testid="content-link">{link.kind === 'pass' ? t('openPass') : t('read')}</a>
              </> : <span className="meta">{t('ended', { date: formatDate(accessEnd(grant), locale) })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
