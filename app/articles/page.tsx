import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { listArticles } from '@/lib/content/articles';
import { translatorFor } from '@/lib/i18n/messages';
import { languageAlternates } from '@/app/_components/alternates';

interface Props { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: translatorFor(await getLocale(), 'Articles')('title'), alternates: languageAlternates('/articles', await searchParams) };
}

export default async function ArticlesPage() {
  const locale = await getLocale();
  const articles = await listArticles(db(), locale);
  const t = translatorFor(locale, 'Articles');
  return (
    <>
      <h1>{t('title')}</h1>
      <ul className="article-list">
        {articles.map((a) => (
          <li key={a.slug}>
            <Link href={`/articles/${a.slug}`}>{a.title}</Link>{a.free ? ` ${t('free')}` : ''}
            <p>{a.teaser}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
