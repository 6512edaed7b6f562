// Local files: streamed from STORAGE_DIR, never read whole, with Range support
// so large downloads resume.
import { stat } from 'node:fs/promises';
import { attachmentDisposition } from '../disposition';
import { FileUnavailable } from '../errors';
import { parseRange, type ByteRange } from '../range';
import { storedFilePath } from '../storage';
import type { DownloadReply } from '../reply';

export interface LocalFile { path: string; size: number; etag: string }

export async function openLocalFile(storageDir: string, storedName: string | null): Promise<LocalFile> {
  if (!storedName) throw new FileUnavailable();
  const path = storedFilePath(storageDir, storedName);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new FileUnavailable('the stored file is missing');
  // nginx's own ETag form (hex mtime seconds, hex size), so If-Range means the same
  // whether the shop or nginx (DOWNLOAD_OFFLOAD) sends the bytes.
  return { path, size: info.size, etag: `"${Math.floor(info.mtimeMs / 1000).toString(16)}-${info.size.toString(16)}"` };
}

/** The range to send: If-Range with another validator means the file changed, so the whole file is sent. */
export function requestedRange(file: LocalFile, rangeHeader: string | null, ifRange: string | null): ByteRange | null {
  if (ifRange && ifRange !== file.etag) return null;
  return parseRange(rangeHeader, file.size);
}

/** nginx's internal location for STORAGE_DIR (docs: deploy/nginx/shop.conf). */
export const OFFLOAD_LOCATION = '/_shop_files/';

/**
 * The same answer handed to nginx: X-Accel-Redirect names the stored file, and
 * nginx sends it with sendfile, answering Range and If-Range itself. The shop's
 * Content-Type and Content-Disposition pass through; nginx sets the length.
 */
export function offloadedFileReply(storedName: string, fileName: string, contentType: string): DownloadReply {
  return {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': attachmentDisposition(fileName),
      'X-Accel-Redirect': `${OFFLOAD_LOCATION}${storedName}`,
      'X-Accel-Buffering': 'no',
    },
  };
}

export function localFileReply(file: LocalFile, range: ByteRange | null, fileName: string, contentType: string): DownloadReply {
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  const length = file.size === 0 ? 0 : end - start + 1;
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Disposition': attachmentDisposition(fileName),
    'Content-Length': String(length),
    'Accept-Ranges': 'bytes',
    ETag: file.etag,
  };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  return { status: range ? 206 : 200, headers, file: length === 0 ? undefined : { path: file.path, start, end } };
}
