import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import type { LockReason } from '@/lib/content-links/article-page';
import { resolvePassPage } from '@/lib/content-links/pass-page';
import { RAW_URL_HEADER } from '@/lib/content-links/raw-url';
import { accessContext } from '@/lib/server/content-links';
import { translatorFor } from '@/lib/i18n/messages';
import { formatDate } from '@/app/_components/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translatorFor(await getLocale(), 'Pass')('title'), robots: { index: false, follow: false } };
}

/** A revoked pass link says what the access API says (Errors.CONTENT_LINK_REVOKED); any other refusal points to the email. */
function lockedWords(reason: LockReason, locale: string) {
  if (reason === 'expired') return translatorFor(locale, 'Pass')('expired');
  if (reason === 'revoked') return translatorFor(locale, 'Errors')('CONTENT_LINK_REVOKED');
  return translatorFor(locale, 'Pass')('openFromEmail');
}

export default async function PassPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) notFound();
  const locale = await getLocale();
  const page = await resolvePassPage(accessContext(new Date(), locale), slug, (await headers()).get(RAW_URL_HEADER));
  if (!page) notFound();
  return (
    <article className="pass">
      <h1>{page.pass.name}</h1>
      {page.state === 'open'
        ? <p>{translatorFor(locale, 'Pass')('validUntil', { date: formatDate(page.expiresAt, locale) })}</p>
        : <p role="alert" data-testid="lock-reason">{lockedWords(page.reason, locale)}</p>}
      <ul className="pass-articles">
        {page.articles.map((article) => (
          <li key={article.slug}>
            {'href' in article ? <a href={article.href}>{article.title}</a> : <Link href={`/articles/${article.slug}`}>{article.title}</Link>}
            <p>{article.teaser}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}
