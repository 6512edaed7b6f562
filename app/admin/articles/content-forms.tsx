'use client';

import { useActionState } from 'react';
import { saveArticleAction, savePassAction } from './actions';

interface ContentProduct { slug: string; name: string }
export interface ArticleValues { id?: number; slug: string; title: string; teaser: string; body: string; contentId: string | null; free: boolean; linkDays: number; productSlug: string | null }
export interface PassValues { id?: number; slug: string; name: string; termDays: number; productSlug: string | null; articleSlugs: string[] }

function Outcome({ state }: { state: { error?: string; message?: string } }) {
  if (state.error) return <p role="alert" className="form-error">{state.error}</p>;
  return state.message ? <p role="status" className="ok">{state.message}</p> : null;
}

function ProductSelect({ products, value, id }: { products: ContentProduct[]; value: string | null; id: string }) {
  return (
    <>
      <label htmlFor={id}>Sold as product</label>
      <select id={id} name="productSlug" defaultValue={value ?? ''}>
        <option value="">— not sold on its own —</option>
        {products.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
      </select>
    </>
  );
}

export function ArticleForm({ article, products }: { article?: ArticleValues; products: ContentProduct[] }) {
  const [state, action, pending] = useActionState(saveArticleAction, {});
  const key = article?.slug ?? 'new';
  return (
    <form action={action} className="admin-form" aria-label={article ? `Edit ${article.title}` : 'New article'}>
      {article?.id ? <input type="hidden" name="id" value={article.id} /> : null}
      <label htmlFor={`slug-${key}`}>Slug</label><input id={`slug-${key}`} name="slug" defaultValue={article?.slug} required />
      <label htmlFor={`title-${key}`}>Title</label><input id={`title-${key}`} name="title" defaultValue={article?.title} required />
      <label htmlFor={`teaser-${key}`}>Teaser (public)</label><textarea id={`teaser-${key}`} name="teaser" defaultValue={article?.teaser} rows={2} required />
      <label htmlFor={`body-${key}`}>Body (Markdown, locked)</label><textarea id={`body-${key}`} name="body" defaultValue={article?.body} rows={8} required />
      <label htmlFor={`contentId-${key}`}>Publisher content id (optional, sent as sp)</label><input id={`contentId-${key}`} name="contentId" defaultValue={article?.contentId ?? ''} />
      <label htmlFor={`linkDays-${key}`}>Link validity after purchase (days)</label><input id={`linkDays-${key}`} name="linkDays" type="number" min={1} defaultValue={article?.linkDays ?? 30} />
      <label><input type="checkbox" name="free" defaultChecked={article?.free} /> Free for everyone</label>
      <ProductSelect products={products} value={article?.productSlug ?? null} id={`product-${key}`} />
      <button type="submit" disabled={pending}>{article ? 'Save article' : 'Create article'}</button>
      <Outcome state={state} />
    </form>
  );
}

export function PassForm({ pass, products, articles }: { pass?: PassValues; products: ContentProduct[]; articles: { slug: string; title: string }[] }) {
  const [state, action, pending] = useActionState(savePassAction, {});
  const key = pass?.slug ?? 'new-pass';
  return (
    <form action={action} className="admin-form" aria-label={pass ? `Edit ${pass.name}` : 'New pass'}>
      {pass?.id ? <input type="hidden" name="id" value={pass.id} /> : null}
      <label htmlFor={`pslug-${key}`}>Slug</label><input id={`pslug-${key}`} name="slug" defaultValue={pass?.slug} required />
      <label htmlFor={`pname-${key}`}>Name</label><input id={`pname-${key}`} name="name" defaultValue={pass?.name} required />
      <label htmlFor={`term-${key}`}>Term (days)</label><input id={`term-${key}`} name="termDays" type="number" min={1} defaultValue={pass?.termDays ?? 30} />
      <ProductSelect products={products} value={pass?.productSlug ?? null} id={`pproduct-${key}`} />
      <fieldset>
        <legend>Articles in the pass</legend>
        {articles.map((a) => (
          <label key={a.slug}><input type="checkbox" name="articleSlugs" value={a.slug} defaultChecked={pass?.articleSlugs.includes(a.slug)} /> {a.title}</label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>{pass ? 'Save pass' : 'Create pass'}</button>
      <Outcome state={state} />
    </form>
  );
}
