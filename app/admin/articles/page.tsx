import { db } from '@/lib/server/shop';
import { contentForAdmin } from '@/lib/content/admin';
import { TRANSLATED_LOCALES } from '@/lib/catalog/admin';
import { AdminShell } from '../admin-shell';
import { adminTitle, adminWords, wordsFor } from '../admin-words';
import { TranslationForm } from '../translation-form';
import { saveArticleTextsAction } from './actions';
import { ArticleForm, PassForm } from './content-forms';
import { ARTICLE_FORM_KEYS, PASS_FORM_KEYS } from './form-words';

export const generateMetadata = () => adminTitle((t) => t('articlesTitle'));

export default function AdminArticlesPage() {
  return <AdminShell><ContentAdmin /></AdminShell>;
}

type AdminArticle = Awaited<ReturnType<typeof contentForAdmin>>[0][number];

/** An article's title and teaser in each other language; empty ones show the default language's. */
async function ArticleTranslations({ article }: { article: AdminArticle }) {
  const { t, languageName } = await adminWords();
  return (
    <div className="translations">
      <p className="hint"><strong>{t('translationsHeading')}</strong> {t('translationsHint')}</p>
      {TRANSLATED_LOCALES.map((locale) => {
        const texts = article.texts.find((text) => text.locale === locale);
        return (
          <TranslationForm key={locale} action={saveArticleTextsAction} target={{ id: String(article.id) }} locale={locale}
            words={{ formLabel: t('textsFormLabel', { language: languageName(locale), item: article.title }), save: t('textsSave', { language: languageName(locale) }) }} fields={[
              { name: 'title', label: t('articleTitle'), value: texts?.title ?? '', fallback: article.title },
              { name: 'teaser', label: t('articleTeaser'), value: texts?.teaser ?? '', fallback: article.teaser, multiline: true },
            ]} />
        );
      })}
    </div>
  );
}

async function ContentAdmin() {
  const { t } = await adminWords();
  const [articles, passes, products] = await contentForAdmin(db());
  const titles = articles.map((a) => ({ slug: a.slug, title: a.title }));
  const articleWords = (formLabel: string, submit: string) => ({ ...wordsFor(t, ARTICLE_FORM_KEYS), formLabel, submit });
  const passWords = (formLabel: string, submit: string) => ({ ...wordsFor(t, PASS_FORM_KEYS), formLabel, submit });
  return (
    <>
      <h1>{t('articlesHeading')}</h1>
      {articles.map(({ product, texts, ...article }) => (
        <details key={article.id}>
          <summary>{article.title} {article.free ? t('articleFree') : product ? `(${product.slug})` : t('articlePassesOnly')}</summary>
          <ArticleForm article={{ ...article, productSlug: product?.slug ?? null }} products={products}
            words={articleWords(t('editItem', { name: article.title }), t('articleSave'))} />
          <ArticleTranslations article={{ ...article, product, texts }} />
        </details>
      ))}
      <details><summary>{t('articleNew')}</summary><ArticleForm products={products} words={articleWords(t('articleNew'), t('articleCreate'))} /></details>
      <h2>{t('passesHeading')}</h2>
      {passes.map(({ product, articles: members, ...pass }) => (
        <details key={pass.id}>
          <summary>{t('passSummary', { name: pass.name, articles: members.length, days: pass.termDays })}</summary>
          <PassForm pass={{ ...pass, productSlug: product?.slug ?? null, articleSlugs: members.map((m) => m.article.slug) }} products={products} articles={titles}
            words={passWords(t('editItem', { name: pass.name }), t('passSave'))} />
        </details>
      ))}
      <details><summary>{t('passNew')}</summary><PassForm products={products} articles={titles} words={passWords(t('passNew'), t('passCreate'))} /></details>
    </>
  );
}
