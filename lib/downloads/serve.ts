// GET/HEAD /api/downloads/{slug}?token=…: checks, counts, then answers from the
// product's file source with a plain DownloadReply (no framework).
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { claimDownload, recordDownload, refundDownload, resolveDownload } from './authorize';
import type { DownloadClient } from './client';
import { FileSourceMisconfigured, FileUnavailable, TokenMalformed } from './errors';
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
  const { db, now, ring } = deps;
  const { client, method, slug, token } = request;
  if (!token) throw new TokenMalformed('no token');
  // A GET of a redirect source is counted and logged as it is read (one round trip).
  const { resolved, eventId } = method === 'GET'
    ? await claimDownload(db, token, slug, ring, now, client)
    : { resolved: await resolveDownload(db, token, slug, ring, now), eventId: null };
  const { source } = resolved;

  if (source.kind === 'local') {
    const file = await openLocalFile(deps.storageDir, source.storedName);
    const range = requestedRange(file, request.range, request.ifRange);
    const reply = localFileReply(file, range, source.fileName, source.contentType);
    if (method === 'HEAD') {
      assertDownloadsLeft(resolved.license);
      return reply;
    }
    const bytes = range ? range.end - range.start + 1 : file.size;
    const recorded = await recordDownload(db, resolved, { client, source: 'local', bytes, rangeStart: range?.start, fileSize: file.size }, now);
    return deps.offload === 'nginx'
      ? { ...offloadedFileReply(source.storedName!, source.fileName, source.contentType), eventId: recorded.eventId }
      : { ...reply, eventId: recorded.eventId };
  }
  if (method === 'HEAD') return { status: 405, headers: { Allow: 'GET' } };
  if (eventId === null) throw new FileUnavailable(`the ${source.kind} source of ${slug} is incomplete`);
  if (source.kind === 'external') return redirect(source.externalUrl!);
  try {
    return redirect(await presignDownload(s3ClientFor(deps.s3), {
      bucket: source.s3Bucket!, key: source.s3Key!, fileName: source.fileName, contentType: source.contentType,
      expiresInSeconds: source.s3ExpirySeconds, now,
    }));
  } catch (error) {
    // Counted as it was read, but not handed out (a bad S3 setting, credentials that could not be
    // fetched): the shopper keeps the download.
    await refundDownload(db, resolved.license.id, eventId);
    throw new FileSourceMisconfigured(`s3://${source.s3Bucket}/${source.s3Key} cannot be presigned: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
}
