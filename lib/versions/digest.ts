// SHA-256 and size of a version's file, computed once when it is published:
// an upload is hashed as it streams to disk (lib/downloads/storage.ts); an S3 object gives its own
// full-object checksum when it has one (HeadObject with ChecksumMode ENABLED), else it is read once
// as a stream; an external URL is read once if it answers, else its digest stays unknown.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface FileDigest { sha256: string; sizeBytes: number }

/** How the digest was found, for the log and the admin's notice. */
export type DigestOrigin = 's3-checksum' | 'streamed';

const SHA256_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/** Hashes a stream chunk by chunk (never holding it whole). */
export async function digestOfStream(stream: AsyncIterable<Uint8Array>): Promise<FileDigest> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

/**
 * S3's ChecksumSHA256 is the object's own digest only when it is a full-object checksum: a
 * multipart upload's COMPOSITE one ("…=-3", or ChecksumType COMPOSITE) is a hash of part hashes.
 */
export function fullObjectSha256(head: { ChecksumSHA256?: string; ChecksumType?: string }): string | null {
  const value = head.ChecksumSHA256;
  if (!value || head.ChecksumType === 'COMPOSITE' || !SHA256_BASE64.test(value)) return null;
  return Buffer.from(value, 'base64').toString('hex');
}

export const S3_DIGEST_TIMEOUT_MS = 10 * 60_000;

export async function digestOfS3Object(client: S3Client, bucket: string, key: string): Promise<FileDigest & { origin: DigestOrigin }> {
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
  const sha256 = fullObjectSha256(head);
  if (sha256 && head.ContentLength !== undefined) return { sha256, sizeBytes: head.ContentLength, origin: 's3-checksum' };
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: AbortSignal.timeout(S3_DIGEST_TIMEOUT_MS) });
  if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  return { ...(await digestOfStream(object.Body as Readable)), origin: 'streamed' };
}

export const EXTERNAL_DIGEST_TIMEOUT_MS = 60_000;

/** The external file's digest, read once; null when it cannot be read now (the version is published without one). */
export async function digestOfUrl(url: string, fetcher: typeof fetch = fetch, timeoutMs = EXTERNAL_DIGEST_TIMEOUT_MS): Promise<FileDigest | null> {
  try {
    const response = await fetcher(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return null;
    }
    return await digestOfStream(Readable.fromWeb(response.body as never));
  } catch (error) {
    console.warn(`[versions] ${url} could not be read for its digest: ${(error as Error)?.name}: ${(error as Error)?.message}`);
    return null;
  }
}
