import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { refusal, type RequestErrorCode } from '@/lib/errors';
import { publicError } from '@/lib/http/errors';
import { priceAsTyped, productForAdmin, TRANSLATED_LOCALES } from '@/lib/catalog/admin';
import { CURRENCIES, type Currency } from '@/lib/catalog/currencies';
import { FULFILMENT } from '@/lib/fulfilment/kinds';
import { AdminShell } from '../../admin-shell';
import { adminTitle, adminWords, wordsFor } from '../../admin-words';
import { TranslationForm } from '../../translation-form';
import { saveProductTextsAction } from '../actions';
import { DownloadSettingsForm } from './download-settings-form';
import { LicenseKeysForm } from './license-keys-form';
import { ProductForm } from './product-form';
import { DOWNLOAD_SETTINGS_KEYS, PRODUCT_FORM_KEYS, SOURCE_KINDS } from './form-words';
import { VersionsSection, type VersionsQuery } from './versions-section';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ uploaded?: string; uploadError?: string } & VersionsQuery> };
type AdminProduct = NonNullable<Awaited<ReturnType<typeof productForAdmin>>>;

export async function generateMetadata({ params }: Pick<Props, 'params'>) {
  const { slug } = await params;
  return adminTitle((t) => t('productTitle', { slug }));
}

/** The upload route's `uploadError=` (kept short in the URL) and the refusal it stands for. */
const UPLOAD_ERRORS: Record<string, RequestErrorCode> = { missing: 'UPLOAD_MISSING', empty: 'UPLOAD_EMPTY', failed: 'UPLOAD_REJECTED' };

async function uploadErrorWords(uploadError: string) {
  const code = Object.hasOwn(UPLOAD_ERRORS, uploadError) ? UPLOAD_ERRORS[uploadError] : 'UPLOAD_REJECTED';
  return publicError(refusal(code), 'admin upload', await getLocale()).message;
}

export default async function AdminProductPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  return <AdminShell><AdminProductView slug={slug} uploaded={query.uploaded} uploadError={query.uploadError} query={query} /></AdminShell>;
}

/** Query values are strings; a repeated one (an array) counts as absent. */
const single = (query: VersionsQuery): VersionsQuery =>
  Object.fromEntries(Object.entries(query).filter(([, value]) => typeof value === 'string'));

async function AdminProductView({ slug, uploaded, uploadError, query }: { slug: string; uploaded?: string; uploadError?: string; query: VersionsQuery }) {
  const product = await productForAdmin(db(), slug);
  if (!product) notFound();
  const { t } = await adminWords();
  const price = (currency: string) => product.prices.find((p) => p.currency === currency);
  return (
    <>
      <h1>{product.name}</h1>
      <p>{t.rich('productIdentity', { kind: t('productKind', { kind: product.kind }), slug: product.slug, code: (chunks) => <code>{chunks}</code> })}</p>
      <section aria-labelledby="product-heading">
        <h2 id="product-heading">{t('productHeading')}</h2>
        <ProductForm slug={product.slug} initial={{
          name: product.name, summary: product.summary, description: product.description, active: product.active ? 'on' : '',
          ...Object.fromEntries(CURRENCIES.map((currency) => [currency, priceAsTyped(price(currency)?.priceCents)])),
        }} words={{
          ...wordsFor(t, PRODUCT_FORM_KEYS),
          priceIn: Object.fromEntries(CURRENCIES.map((currency) => [currency, t('priceIn', { currency })])) as Record<Currency, string>,
        }} />
      </section>
      <ProductTranslations product={product} />
      <WhatItSells product={product} />
      {FULFILMENT[product.kind].hasFile ? (
        <VersionsSection product={{ ...product, currentVersionId: product.fileSource?.versionId ?? null }} query={single(query)} />
      ) : null}
      {FULFILMENT[product.kind].hasFile ? <ProductFile product={product} uploaded={uploaded} uploadError={uploadError} /> : null}
      {FULFILMENT[product.kind].hasFile ? (
        <section aria-labelledby="license-keys-heading">
          <h2 id="license-keys-heading">{t('licenseKeysHeading')}</h2>
          <LicenseKeysForm slug={product.slug} initial={{ licenseKeys: product.licenseKeys ? 'on' : '', activationLimit: product.activationLimit?.toString() ?? '' }}
            words={wordsFor(t, ['licenseKeysIssue', 'activationLimit', 'licenseKeysSave', 'licenseKeysSaved'])} />
        </section>
      ) : null}
    </>
  );
}

/** The product's texts in each other language; an empty one shows the default language's. */
async function ProductTranslations({ product }: { product: AdminProduct }) {
  const { t, languageName } = await adminWords();
  return (
    <section aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('translationsHeading')}</h2>
      <p className="hint">{t('translationsHint')}</p>
      {TRANSLATED_LOCALES.map((locale) => {
        const texts = product.texts.find((text) => text.locale === locale);
        return (
          <TranslationForm key={locale} action={saveProductTextsAction} target={{ slug: product.slug }} locale={locale}
            words={{ formLabel: t('textsFormLabel', { language: languageName(locale), item: product.name }), save: t('textsSave', { language: languageName(locale) }) }} fields={[
              { name: 'name', label: t('productName'), value: texts?.name ?? '', fallback: product.name },
              { name: 'summary', label: t('productSummary'), value: texts?.summary ?? '', fallback: product.summary, multiline: true },
              { name: 'description', label: t('productDescription'), value: texts?.description ?? '', fallback: product.description, multiline: true },
            ]} />
        );
      })}
    </section>
  );
}

/** An article or pass product: what it unlocks is edited with the articles. */
async function WhatItSells({ product }: { product: AdminProduct }) {
  if (product.kind !== 'article' && product.kind !== 'pass') return null;
  const { t } = await adminWords();
  const item = product.article?.title ?? product.pass?.name;
  const link = (chunks: React.ReactNode) => <Link href="/admin/articles">{chunks}</Link>;
  return <p>{item ? t.rich('productSells', { kind: product.kind, item, link }) : t.rich('productSellsNothing', { kind: product.kind, link })}</p>;
}

async function ProductFile({ product, uploaded, uploadError }: { product: AdminProduct; uploaded?: string; uploadError?: string }) {
  const { t } = await adminWords();
  const source = product.fileSource;
  return (
    <>
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('localFile')}</h2>
        <p className="hint">{t('fileOutsideVersions')}</p>
        <p>{source?.storedName
          ? t(source.kind === 'local' ? 'uploadedFile' : 'uploadedFileNotCurrent', { name: source.uploadedName ?? source.fileName })
          : t('noUpload')}</p>
        <form action={`/api/admin/products/${product.slug}/file`} method="post" encType="multipart/form-data" className="admin-form">
          <label htmlFor="file">{t('fileToUpload')}</label>
          <input id="file" name="file" type="file" required />
          <button type="submit">{t('uploadSubmit')}</button>
        </form>
        {uploaded ? <p role="status" className="ok">{t('uploadDone')}</p> : null}
        {uploadError ? <p role="alert" className="form-error">{await uploadErrorWords(uploadError)}</p> : null}
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('downloadSettings')}</h2>
        <DownloadSettingsForm slug={product.slug} initial={{
          kind: source?.kind ?? 'none',
          fileName: source?.fileName ?? '',
          externalUrl: source?.externalUrl ?? '',
          s3Bucket: source?.s3Bucket ?? '',
          s3Key: source?.s3Key ?? '',
          s3ExpirySeconds: String(source?.s3ExpirySeconds ?? 300),
          downloadLimit: product.downloadLimit?.toString() ?? '',
          licenseDays: product.licenseDays?.toString() ?? '',
        }} words={{
          ...wordsFor(t, DOWNLOAD_SETTINGS_KEYS),
          sourceKind: Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, t('sourceKind', { kind })])) as Record<(typeof SOURCE_KINDS)[number], string>,
        }} />
      </section>
    </>
  );
}
