// Admin: publish a new version of a product's file (multipart: the form's fields and, for an
// upload, the file, streamed to STORAGE_DIR and hashed on the way). Answers with a redirect to the
// product page saying what happened; a refused version leaves no file behind.
import { rm } from 'node:fs/promises';
import { db, shop } from '@/lib/server/shop';
import { noticeContext, versionFileDeps } from '@/lib/server/versions';
import { receiveUploadWithFields, type ReceivedFile } from '@/lib/downloads/upload';
import { storedFilePath } from '@/lib/downloads/storage';
import { refusal, RequestRefused } from '@/lib/errors';
import { isAdmin } from '@/lib/server/admin';
import { isCrossOrigin, jsonError, PRIVATE_HEADERS, requestLanguage } from '@/lib/http/errors';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';
import { MAX_FIELD_BYTES, readVersionForm, VERSION_FORM_FIELDS, type VersionFormError } from '@/lib/versions/form';
import { S3UnreadableError, versionFileOf } from '@/lib/versions/publish-file';
import { publishVersion } from '@/lib/versions/publish';
import { VersionTaken } from '@/lib/versions/errors';

type Context = { params: Promise<{ slug: string }> };

const back = (slug: string, query: URLSearchParams) =>
  new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: `/admin/products/${slug}?${query}#versions-heading` } });
const refused = (slug: string, error: VersionFormError) => back(slug, new URLSearchParams({ versionError: error }));

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  const language = requestLanguage(request);
  if (isCrossOrigin(request, shop().settings.publicUrl) || !(await isAdmin())) return jsonError(refusal('FORBIDDEN'), 'admin version', language);
  const product = await db().product.findFirst({ where: { slug, kind: { in: FILE_KINDS } } });
  if (!product) return jsonError(refusal('DOWNLOAD_PRODUCT_NOT_FOUND'), 'admin version', language);
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data') || !request.body) return refused(slug, 'errFile');

  const { storageDir, maxUploadBytes } = shop().settings;
  let received: { file: ReceivedFile | null; fields: Record<string, string> };
  try {
    received = await receiveUploadWithFields(request, storageDir, maxUploadBytes, { names: VERSION_FORM_FIELDS, maxBytes: MAX_FIELD_BYTES });
  } catch (error) {
    if (error instanceof RequestRefused && error.code === 'BODY_TOO_LARGE') return jsonError(error, 'admin version', language);
    if (!(error instanceof RequestRefused)) console.error('[admin version] upload failed:', error);
    return refused(slug, error instanceof RequestRefused && error.code === 'UPLOAD_EMPTY' ? 'errFile' : 'errFailed');
  }
  const { file } = received;
  const discard = async () => { if (file) await rm(storedFilePath(storageDir, file.storedName), { force: true }); };
  const form = readVersionForm(received.fields, file !== null, shop().secure);
  if ('error' in form) return discard().then(() => refused(slug, form.error));
  // An upload sent with another source chosen is not kept.
  if (form.ok.source.kind !== 'local') await discard();
  try {
    const versionFile = await versionFileOf(form.ok.source, file, versionFileDeps());
    const published = await publishVersion(db(), { productId: product.id, version: form.ok.version, notes: form.ok.notes, file: versionFile }, noticeContext(), new Date());
    const query = new URLSearchParams({ published: form.ok.version, told: String(published.noticesQueued) });
    if (versionFile.sha256 === null) query.set('nodigest', '1');
    return back(slug, query);
  } catch (error) {
    await discard();
    if (error instanceof VersionTaken) return refused(slug, 'errTaken');
    if (error instanceof S3UnreadableError) return refused(slug, 'errS3');
    console.error('[admin version] publishing failed:', error);
    return refused(slug, 'errFailed');
  }
}
