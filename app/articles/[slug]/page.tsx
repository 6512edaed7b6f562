import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { publicArticle } from '@/lib/content/articles';
import { articlePath } from '@/lib/content-links/link';
import { linkInUrl, resolveArticlePage } from '@/lib/content-links/article-page';
import { RAW_URL_HEADER } from '@/lib/content-links/raw-url';
import { accessContext, publicOrigin } from '@/lib/server/content-links';
import { db } from '@/lib/server/shop';
import { translatorFor } from '@/lib/i18n/messages';
import { languageAlternates } from '@/app/_components/alternates';
import { ContentContainer, LockedNotice, PaywallMarkup } from './article-views';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const isSlug = (slug: string) => /^[a-z0-9][a-z0-9-]{0,99}$/.test(slug);

/** A signed link (`ss`) or a pass link in the URL: that page is the buyer's, never indexed. */
const carriesLink = (query: Record<string, unknown>) => Object.hasOwn(query, 'ss') || Object.hasOwn(query, 'pass');

/** Only the public parts: never the body, whatever the link. The plain URL is the indexable teaser. */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const locale = await getLocale();
  const article = isSlug(slug) ? await publicArticle(db(), slug, locale) : null;
  const query = await searchParams;
  // A page opened with a link is the buyer's: not indexed, and no language versions of it are advertised.
  const [robots, alternates] = carriesLink(query)
    ? [{ index: false, follow: false }, { canonical: articlePath(slug) }]
    : [undefined, languageAlternates(articlePath(slug), query)];
  return { title: article?.title ?? translatorFor(locale, 'Articles')('article'), description: article?.teaser, robots, alternates };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const { pass } = await searchParams;
  const link = linkInUrl((await headers()).get(RAW_URL_HEADER));
  const passLink = typeof pass === 'string' ? pass : null;
  const page = await resolveArticlePage(accessContext(new Date(), await getLocale()), slug, { link, pass: passLink });
  if (!page) notFound();
  const { article } = page;
  return (
    <article className="article">
      {article.free ? null : <PaywallMarkup article={article} />}
      <h1>{article.title}</h1>
      <p className="teaser">{article.teaser}</p>
      <ContentContainer itemSrc={`${publicOrigin()}${articlePath(article.slug)}`} slug={article.slug} state={page.state}>
        {page.state === 'unlocked'
          ? <div className="article-body" dangerouslySetInnerHTML={{ __html: page.html }} />
          : <LockedNotice article={article} reason={page.reason} presentedLink={passLink ?? link} />}
      </ContentContainer>
    </article>
  );
}
