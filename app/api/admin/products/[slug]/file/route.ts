// Admin upload: the file is streamed to STORAGE_DIR (never held in memory),
// then becomes the product's local source. Replaced files are kept on disk.
import { db, shop } from '@/lib/server/shop';
import { receiveUpload, type ReceivedFile } from '@/lib/downloads/upload';
import { refusal, RequestRefused } from '@/lib/errors';
import { saveUploadedFile } from '@/lib/downloads/settings';
import { isAdmin } from '@/lib/server/admin';
import { isCrossOrigin, jsonError, PRIVATE_HEADERS, requestLanguage } from '@/lib/http/errors';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';

type Context = { params: Promise<{ slug: string }> };

const back = (slug: string, query: string) =>
  new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: `/admin/products/${slug}?${query}` } });

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  if (isCrossOrigin(request, shop().settings.publicUrl) || !(await isAdmin())) {
    return jsonError(refusal('FORBIDDEN'), 'admin upload', requestLanguage(request));
  }
  const product = await db().product.findFirst({ where: { slug, kind: { in: FILE_KINDS } } });
  if (!product) return jsonError(refusal('DOWNLOAD_PRODUCT_NOT_FOUND'), 'admin upload', requestLanguage(request));
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data') || !request.body) return back(slug, 'uploadError=missing');
  let received: ReceivedFile | null;
  try {
    received = await receiveUpload(request, shop().settings.storageDir, shop().settings.maxUploadBytes);
  } catch (error) {
    if (error instanceof RequestRefused && error.code === 'BODY_TOO_LARGE') return jsonError(error, 'admin upload', requestLanguage(request));
    if (error instanceof RequestRefused) return back(slug, `uploadError=${error.code === 'UPLOAD_EMPTY' ? 'empty' : 'failed'}`);
    console.error('[admin upload] failed:', error);
    return back(slug, 'uploadError=failed');
  }
  if (!received) return back(slug, 'uploadError=missing');
  const { storedName, fileName, contentType } = received;
  await saveUploadedFile(db(), product.id, { storedName, fileName, contentType }, new Date());
  return back(slug, 'uploaded=1');
}
