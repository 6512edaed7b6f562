import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { recordDownload, resolveDownload } from '@/lib/downloads/authorize';
import { FileUnavailable, TokenMalformed } from '@/lib/downloads/errors';
import { localFileResponse, openLocalFile, requestedRange } from '@/lib/downloads/sources/local';
import { presignDownload, s3ClientFor } from '@/lib/downloads/sources/s3';
import { downloadTokenRing } from '@/lib/downloads/token';
import { pageError, PRIVATE_HEADERS } from '@/lib/http/errors';

type Context = { params: Promise<{ slug: string }> };

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { ...PRIVATE_HEADERS, Location: location } });
}

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const now = new Date();
  const client = {
    ip: request.headers.get('x-forwarded-for')?.split(',')[0].trim() || 'unknown',
    userAgent: request.headers.get('user-agent') ?? '',
  };
  try {
    const token = new URL(request.url).searchParams.get('token');
    if (!token) throw new TokenMalformed('no token');
    const resolved = await resolveDownload(db(), token, slug, downloadTokenRing(config().appKeys), now);
    const { source } = resolved;

    if (source.kind === 'local') {
      const file = await openLocalFile(config().storageDir, source.storedName);
      const range = requestedRange(file, request.headers.get('range'), request.headers.get('if-range'));
      const bytes = range ? range.end - range.start + 1 : file.size;
      await recordDownload(db(), resolved, { client, source: 'local', bytes, rangeStart: range?.start }, now);
      const response = localFileResponse(file, range, source.fileName, source.contentType);
      for (const [name, value] of Object.entries(PRIVATE_HEADERS)) response.headers.set(name, value);
      return response;
    }
    if (source.kind === 'external' && source.externalUrl) {
      await recordDownload(db(), resolved, { client, source: 'external', redirectTo: source.externalUrl }, now);
      return redirect(source.externalUrl);
    }
    if (source.kind === 's3' && source.s3Bucket && source.s3Key) {
      const url = await presignDownload(s3ClientFor(config().s3), {
        bucket: source.s3Bucket, key: source.s3Key, fileName: source.fileName, contentType: source.contentType,
        expiresInSeconds: source.s3ExpirySeconds, now,
      });
      await recordDownload(db(), resolved, { client, source: 's3', redirectTo: `s3://${source.s3Bucket}/${source.s3Key}` }, now);
      return redirect(url);
    }
    throw new FileUnavailable(`the ${source.kind} source of ${slug} is incomplete`);
  } catch (error) {
    return pageError(error, `download ${slug}`);
  }
}
