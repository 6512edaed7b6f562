'use client';

// Article and pass forms; their words come from the server (app/admin/articles/page.tsx), in the admin's language.
import { useActionState } from 'react';
import { ActionStatus } from '../action-status';
import { saveArticleAction, savePassAction } from './actions';
import type { ArticleFormWords, PassFormWords } from './form-words';

interface ContentProduct { slug: string; name: string }
export interface ArticleValues { id?: number; slug: string; title: string; teaser: string; body: string; contentId: string | null; free: boolean; linkDays: number; productSlug: string | null }
export interface PassValues { id?: number; slug: string; name: string; termDays: number; productSlug: string | null; articleSlugs: string[] }

function ProductSelect({ products, value, id, words }: { products: ContentProduct[]; value: string | null; id: string; words: Record<'soldAsProduct' | 'notSoldAlone', string> }) {
  return (
    <>
      <label htmlFor={id}>{words.soldAsProduct}</label>
      <select id={id} name="productSlug" defaultValue={value ?? ''}>
        <option value="">{words.notSoldAlone}</option>
        {products.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
      </select>
    </>
  );
}

export function ArticleForm({ article, products, words }: { article?: ArticleValues; products: ContentProduct[]; words: ArticleFormWords }) {
  const [state, action, pending] = useActionState(saveArticleAction, {});
  const key = article?.slug ?? 'new';
  return (
    <form action={action} className="admin-form" aria-label={words.formLabel}>
      {article?.id ? <input type="hidden" name="id" value={article.id} /> : null}
      <label htmlFor={`slug-${key}`}>{words.slug}</label><input id={`slug-${key}`} name="slug" defaultValue={article?.slug} required />
      <label htmlFor={`title-${key}`}>{words.articleTitle}</label><input id={`title-${key}`} name="title" defaultValue={article?.title} required />
      <label htmlFor={`teaser-${key}`}>{words.articleTeaser}</label><textarea id={`teaser-${key}`} name="teaser" defaultValue={article?.teaser} rows={2} required />
      <label htmlFor={`body-${key}`}>{words.articleBody}</label><textarea id={`body-${key}`} name="body" defaultValue={article?.body} rows={8} required />
      <label htmlFor={`contentId-${key}`}>{words.articleContentId}</label><input id={`contentId-${key}`} name="contentId" defaultValue={article?.contentId ?? ''} />
      <label htmlFor={`linkDays-${key}`}>{words.articleLinkDays}</label><input id={`linkDays-${key}`} name="linkDays" type="number" min={1} defaultValue={article?.linkDays ?? 30} />
      <label><input type="checkbox" name="free" defaultChecked={article?.free} /> {words.articleFreeForAll}</label>
      <ProductSelect products={products} value={article?.productSlug ?? null} id={`product-${key}`} words={words} />
      <button type="submit" disabled={pending}>{words.submit}</button>
      <ActionStatus state={state} />
    </form>
  );
}

export function PassForm({ pass, products, articles, words }: { pass?: PassValues; products: ContentProduct[]; articles: { slug: string; title: string }[]; words: PassFormWords }) {
  const [state, action, pending] = useActionState(savePassAction, {});
  const key = pass?.slug ?? 'new-pass';
  return (
    <form action={action} className="admin-form" aria-label={words.formLabel}>
      {pass?.id ? <input type="hidden" name="id" value={pass.id} /> : null}
      <label htmlFor={`pslug-${key}`}>{words.slug}</label><input id={`pslug-${key}`} name="slug" defaultValue={pass?.slug} required />
      <label htmlFor={`pname-${key}`}>{words.passName}</label><input id={`pname-${key}`} name="name" defaultValue={pass?.name} required />
      <label htmlFor={`term-${key}`}>{words.passTerm}</label><input id={`term-${key}`} name="termDays" type="number" min={1} defaultValue={pass?.termDays ?? 30} />
      <ProductSelect products={products} value={pass?.productSlug ?? null} id={`pproduct-${key}`} words={words} />
      <fieldset>
        <legend>{words.passArticles}</legend>
        {articles.map((a) => (
          <label key={a.slug}><input type="checkbox" name="articleSlugs" value={a.slug} defaultChecked={pass?.articleSlugs.includes(a.slug)} /> {a.title}</label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>{words.submit}</button>
      <ActionStatus state={state} />
    </form>
  );
}
