// GET/HEAD /api/downloads/{slug}?token=…: checks, counts, then answers from the
// product's file source with a plain DownloadReply (no framework).
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { recordDownload, resolveDownload } from './authorize';
import type { DownloadClient } from './client';
import { FileUnavailable, TokenMalformed } from './errors';
import { localFileReply, offloadedFileReply, openLocalFile, requestedRange } from './sources/local';
import type { DownloadReply } from './reply';
import { assertDownloadsLeft } from './license-rules';
import { presignDownload, s3ClientFor, type S3Settings } from './sources/s3';

export interface DownloadRequest {
  method: 'GET' | 'HEAD';
  slug: string;
  token: string | null;
  range: string | null;
  ifRange: string | null;
  client: DownloadClient;
}

export interface DownloadDeps {
  db: Db; ring: KeyRing; storageDir: string; s3: S3Settings; now: Date;
  /** `nginx`: answer local files with X-Accel-Redirect once authorised and counted. */
  offload?: 'none' | 'nginx';
}

const redirect = (location: string): DownloadReply => ({ status: 302, headers: { Location: location } });

/** HEAD answers for local files without counting; a redirect source has nothing to show without handing out its URL. */
export async function serveDownload(request: DownloadRequest, deps: DownloadDeps): Promise<DownloadReply> {
  const { db, now } = deps;
  if (!request.token) throw new TokenMalformed('no token');
  const resolved = await resolveDownload(db, request.token, request.slug, deps.ring, now);
  const { source } = resolved;
  const { client } = request;

  if (source.kind === 'local') {
    const file = await openLocalFile(deps.storageDir, source.storedName);
    const range = requestedRange(file, request.range, request.ifRange);
    const reply = localFileReply(file, range, source.fileName, source.contentType);
    if (request.method === 'HEAD') {
      assertDownloadsLeft(resolved.license);
      return reply;
    }
    const bytes = range ? range.end - range.start + 1 : file.size;
    const { eventId } = await recordDownload(db, resolved, { client, source: 'local', bytes, rangeStart: range?.start, fileSize: file.size }, now);
    return deps.offload === 'nginx' ? { ...offloadedFileReply(source.storedName!, source.fileName, source.contentType), eventId } : { ...reply, eventId };
  }
  if (request.method === 'HEAD') return { status: 405, headers: { Allow: 'GET' } };
  if (source.kind === 'external' && source.externalUrl) {
    await recordDownload(db, resolved, { client, source: 'external', redirectTo: source.externalUrl }, now);
    return redirect(source.externalUrl);
  }
  if (source.kind === 's3' && source.s3Bucket && source.s3Key) {
    const url = await presignDownload(s3ClientFor(deps.s3), {
      bucket: source.s3Bucket, key: source.s3Key, fileName: source.fileName, contentType: source.contentType,
      expiresInSeconds: source.s3ExpirySeconds, now,
    });
    await recordDownload(db, resolved, { client, source: 's3', redirectTo: `s3://${source.s3Bucket}/${source.s3Key}` }, now);
    return redirect(url);
  }
  throw new FileUnavailable(`the ${source.kind} source of ${request.slug} is incomplete`);
}
