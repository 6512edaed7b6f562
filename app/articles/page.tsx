import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { listArticles } from '@/lib/content/articles';

export const metadata: Metadata = { title: 'Articles and tutorials' };

export default async function ArticlesPage() {
  const articles = await listArticles(db());
  return (
    <>
      <h1>Articles and tutorials</h1>
      <ul className="article-list">
        {articles.map((a) => (
          <li key={a.slug}>
            <Link href={`/articles/${a.slug}`}>{a.title}</Link>{a.free ? ' (free)' : ''}
            <p>{a.teaser}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
