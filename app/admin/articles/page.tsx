import type { Metadata } from 'next';
import { db } from '@/lib/server/shop';
import { contentForAdmin } from '@/lib/content/admin';
import { AdminShell } from '../admin-shell';
import { ArticleForm, PassForm } from './content-forms';

export const metadata: Metadata = { title: 'Articles and passes · Admin' };

export default function AdminArticlesPage() {
  return <AdminShell><ContentAdmin /></AdminShell>;
}

async function ContentAdmin() {
  const [articles, passes, products] = await contentForAdmin(db());
  const titles = articles.map((a) => ({ slug: a.slug, title: a.title }));
  return (
    <>
      <h1>Articles</h1>
      {articles.map(({ product, ...article }) => (
        <details key={article.id}>
          <summary>{article.title} {article.free ? '(free)' : product ? `(${product.slug})` : '(passes only)'}</summary>
          <ArticleForm article={{ ...article, productSlug: product?.slug ?? null }} products={products} />
        </details>
      ))}
      <details><summary>New article</summary><ArticleForm products={products} /></details>
      <h2>Passes</h2>
      {passes.map(({ product, articles: members, ...pass }) => (
        <details key={pass.id}>
          <summary>{pass.name} ({members.length} articles, {pass.termDays} days)</summary>
          <PassForm pass={{ ...pass, productSlug: product?.slug ?? null, articleSlugs: members.map((m) => m.article.slug) }} products={products} articles={titles} />
        </details>
      ))}
      <details><summary>New pass</summary><PassForm products={products} articles={titles} /></details>
    </>
  );
}
