import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { refusal, type RequestErrorCode } from '@/lib/errors';
import { publicError } from '@/lib/http/errors';
import { AdminShell } from '../../admin-shell';
import { DownloadSettingsForm } from './download-settings-form';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Product ${(await params).slug} · Admin` };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ uploaded?: string; uploadError?: string }> };

/** The upload route's `uploadError=` (kept short in the URL) and the refusal it stands for. */
const UPLOAD_ERRORS: Record<string, RequestErrorCode> = { missing: 'UPLOAD_MISSING', empty: 'UPLOAD_EMPTY', failed: 'UPLOAD_REJECTED' };

async function uploadErrorWords(uploadError: string) {
  const code = Object.hasOwn(UPLOAD_ERRORS, uploadError) ? UPLOAD_ERRORS[uploadError] : 'UPLOAD_REJECTED';
  return publicError(refusal(code), 'admin upload', await getLocale()).message;
}

export default async function AdminProductPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  return <AdminShell><ProductDownloads slug={slug} uploaded={query.uploaded} uploadError={query.uploadError} /></AdminShell>;
}

async function ProductDownloads({ slug, uploaded, uploadError }: { slug: string; uploaded?: string; uploadError?: string }) {
  const product = await db().product.findFirst({ where: { slug, kind: { in: FILE_KINDS } }, include: { fileSource: true } });
  if (!product) notFound();
  const source = product.fileSource;
  return (
    <>
      <h1>{product.name}</h1>
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">Local file</h2>
        <p>{source?.storedName ? `Uploaded: ${source.uploadedName ?? source.fileName}${source.kind === 'local' ? '' : ' (not the current source)'}` : 'No file uploaded yet.'}</p>
        <form action={`/api/admin/products/${product.slug}/file`} method="post" encType="multipart/form-data">
          <label htmlFor="file">File to upload</label>
          <input id="file" name="file" type="file" required />
          <button type="submit">Upload and use as local source</button>
        </form>
        {uploaded ? <p role="status" className="ok">File uploaded; the product now downloads it.</p> : null}
        {uploadError ? <p role="alert" className="form-error">{await uploadErrorWords(uploadError)}</p> : null}
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Download settings</h2>
        <DownloadSettingsForm slug={product.slug} initial={{
          kind: source?.kind ?? 'none',
          fileName: source?.fileName ?? '',
          externalUrl: source?.externalUrl ?? '',
          s3Bucket: source?.s3Bucket ?? '',
          s3Key: source?.s3Key ?? '',
          s3ExpirySeconds: String(source?.s3ExpirySeconds ?? 300),
          downloadLimit: product.downloadLimit?.toString() ?? '',
          licenseDays: product.licenseDays?.toString() ?? '',
        }} />
      </section>
    </>
  );
}
