// Admin upload: the file is streamed to STORAGE_DIR (never held in memory),
// then becomes the product's local source. Replaced files are kept on disk.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { saveUpload } from '@/lib/downloads/storage';
import { saveUploadedFile } from '@/lib/downloads/settings';
import { isAdmin } from '@/lib/admin/next';
import { isCrossOrigin, jsonRefusal, PRIVATE_HEADERS } from '@/lib/http/errors';

type Context = { params: Promise<{ slug: string }> };

const back = (slug: string, query: string) =>
  new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: `/admin/products/${slug}?${query}` } });

interface Received { storedName: string; bytes: number; fileName: string; contentType: string }

function receiveFile(request: Request, storageDir: string): Promise<Received | null> {
  return new Promise((resolve, reject) => {
    let saving: Promise<Received> | null = null;
    // Browsers send the file name as raw UTF-8; busboy would read it as Latin-1 otherwise.
    const parser = busboy({ headers: Object.fromEntries(request.headers), limits: { files: 1 }, defParamCharset: 'utf8' });
    parser.on('file', (field, stream, info) => {
      const name = info.filename?.split(/[\\/]/).pop()?.slice(0, 200);
      if (field !== 'file' || !name || saving) return void stream.resume();
      saving = saveUpload(storageDir, stream, name).then((saved) => ({
        ...saved, fileName: name, contentType: info.mimeType || 'application/octet-stream',
      }));
      saving.catch(() => {}); // awaited on close; this only keeps an early failure from going unhandled
    });
    parser.on('error', reject);
    parser.on('close', () => (saving ? saving.then(resolve, reject) : resolve(null)));
    // pipeline: an aborted request errors the parser (and so the file being written) instead of hanging.
    pipeline(Readable.fromWeb(request.body as never), parser).catch(reject);
  });
}

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  if (isCrossOrigin(request) || !(await isAdmin())) {
    return jsonRefusal(403, 'FORBIDDEN', 'Log in as admin first.');
  }
  const product = await db().product.findFirst({ where: { slug, kind: 'digital' } });
  if (!product) return jsonRefusal(404, 'NOT_FOUND', 'No such digital product.');
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data') || !request.body) return back(slug, 'uploadError=missing');
  let received: Received | null;
  try {
    received = await receiveFile(request, config().storageDir);
  } catch (error) {
    console.error('[admin upload] failed:', error);
    return back(slug, 'uploadError=failed');
  }
  if (!received) return back(slug, 'uploadError=missing');
  if (received.bytes === 0) return back(slug, 'uploadError=empty');
  const { storedName, fileName, contentType } = received;
  await saveUploadedFile(db(), product.id, { storedName, fileName, contentType }, new Date());
  return back(slug, 'uploaded=1');
}
