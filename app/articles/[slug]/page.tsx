import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { publicArticle } from '@/lib/content/articles';
import { articlePath } from '@/lib/content-links/link';
import { linkInUrl, resolveArticlePage } from '@/lib/content-links/article-page';
import { RAW_URL_HEADER } from '@/lib/content-links/raw-url';
import { accessContext, publicOrigin } from '@/lib/server/content-links';
import { db } from '@/lib/server/shop';
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
  const article = isSlug(slug) ? await publicArticle(db(), slug) : null;
  const robots = carriesLink(await searchParams) ? { index: false, follow: false } : undefined;
  return { title: article?.title ?? 'Article', description: article?.teaser, robots, alternates: { canonical: articlePath(slug) } };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const { pass } = await searchParams;
  const link = linkInUrl((await headers()).get(RAW_URL_HEADER));
  const passLink = typeof pass === 'string' ? pass : null;
  const page = await resolveArticlePage(accessContext(new Date()), slug, { link, pass: passLink });
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
