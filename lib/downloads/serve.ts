// GET/HEAD /api/downloads/{slug}?token=…: checks, counts, then answers from the
// product's file source with a plain DownloadReply (no framework).
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { claimDownload, recordDownload, refundDownload, resolveDownload } from './authorize';
import type { DownloadClient } from './client';
import { FileSourceMisconfigured, FileUnavailable, TokenMalformed } from './errors';
import { parseDownloadToken } from './token';
import { sourceOfVersion, versionHeaders, withVersionTag } from './version-source';
import { localFileReply, offloadedFileReply, openLocalFile, requestedRange } from './sources/local';
import type { DownloadReply } from './reply';
import { assertDownloadsLeft } from './license-rules';
import { presignDownload, s3ClientFor, type S3Settings } from './sources/s3';
import { redirectTarget } from './store';

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
  // A token bound to a version (an earlier one the buyer picked) is read first, counted below;
  // otherwise a GET of a redirect source is counted and logged as it is read (one round trip).
  const boundTo = parseDownloadToken(token).version_id;
  const { resolved, eventId } = method === 'GET' && boundTo === undefined
    ? await claimDownload(db, token, slug, ring, now, client)
    : { resolved: await resolveDownload(db, token, slug, ring, now), eventId: null };
  const source = boundTo === undefined ? resolved.source : await sourceOfVersion(db, resolved.product.id, resolved.source, boundTo);

  if (source.kind === 'local') {
    const file = withVersionTag(await openLocalFile(deps.storageDir, source.storedName), source);
    const range = requestedRange(file, request.range, request.ifRange);
    const reply = withHeaders(localFileReply(file, range, source.fileName, source.contentType), versionHeaders(source));
    if (method === 'HEAD') {
      assertDownloadsLeft(resolved.license);
      return reply;
    }
    const bytes = range ? range.end - range.start + 1 : file.size;
    const recorded = await recordDownload(db, resolved, { client, source: 'local', bytes, rangeStart: range?.start, fileSize: file.size }, now);
    // nginx drops the shop's other headers; deploy/nginx/shop.conf adds these back, and answers If-Range by this ETag.
    return deps.offload === 'nginx'
      ? { ...withHeaders(offloadedFileReply(source.storedName!, source.fileName, source.contentType), { ...versionHeaders(source), ETag: file.etag }), eventId: recorded.eventId }
      : { ...reply, eventId: recorded.eventId };
  }
  if (method === 'HEAD') return { status: 405, headers: { Allow: 'GET' } };
  if (boundTo !== undefined) return redirectToVersion(deps, resolved, source, request.client);
  if (eventId === null) throw new FileUnavailable(`the ${source.kind} source of ${slug} is incomplete`);
  return redirectTo(deps, resolved.license.id, eventId, source);
}

const withHeaders = (reply: DownloadReply, headers: Record<string, string>): DownloadReply => ({ ...reply, headers: { ...reply.headers, ...headers } });


type Source = Awaited<ReturnType<typeof sourceOfVersion>>;

/** An earlier version on a redirect source: counted and logged here, as recordDownload does for local files. */
async function redirectToVersion(deps: DownloadDeps, resolved: Awaited<ReturnType<typeof resolveDownload>>, source: Source, client: DownloadClient) {
  const target = redirectTarget(source);
  if (!target) throw new FileUnavailable(`version ${source.versionId} has an incomplete ${source.kind} source`);
  const { eventId } = await recordDownload(deps.db, resolved, { client, source: source.kind, redirectTo: target }, deps.now);
  return redirectTo(deps, resolved.license.id, eventId, source);
}

async function redirectTo(deps: DownloadDeps, licenseId: number, eventId: number, source: Source): Promise<DownloadReply> {
  const { db, now } = deps;
  if (source.kind === 'external') return redirect(source.externalUrl!);
  try {
    return redirect(await presignDownload(s3ClientFor(deps.s3), {
      bucket: source.s3Bucket!, key: source.s3Key!, fileName: source.fileName, contentType: source.contentType,
      expiresInSeconds: source.s3ExpirySeconds, now,
    }));
  } catch (error) {
    // Counted as it was read, but not handed out (a bad S3 setting, credentials that could not be
    // fetched): the shopper keeps the download.
    await refundDownload(db, licenseId, eventId);
    throw new FileSourceMisconfigured(`s3://${source.s3Bucket}/${source.s3Key} cannot be presigned: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
}
