// Turns what the admin sent into a version's file with its digest: an upload was hashed as it
// streamed in; an S3 object's digest comes from S3 or one streamed read; an external URL is read
// once, and a URL that cannot be read now is published without a digest (the page says so).
import type { S3Client } from '@aws-sdk/client-s3';
import type { ReceivedFile } from '../downloads/upload';
import { digestOfS3Object, digestOfUrl } from './digest';
import type { FormSource } from './form';
import type { VersionFile } from './publish';

export interface FileDeps { s3: () => S3Client; fetcher?: typeof fetch }

/** Throws S3UnreadableError when the S3 object cannot be read with the shop's credentials. */
export async function versionFileOf(source: FormSource, upload: ReceivedFile | null, deps: FileDeps): Promise<VersionFile> {
  if (source.kind === 'local') {
    if (!upload) throw new Error('a local version needs its upload');
    return { kind: 'local', fileName: upload.fileName, contentType: upload.contentType, storedName: upload.storedName, sha256: upload.sha256, sizeBytes: upload.bytes };
  }
  if (source.kind === 'external') {
    const digest = await digestOfUrl(source.externalUrl, deps.fetcher);
    return { ...source, sha256: digest?.sha256 ?? null, sizeBytes: digest?.sizeBytes ?? null };
  }
  try {
    const { sha256, sizeBytes } = await digestOfS3Object(deps.s3(), source.s3Bucket, source.s3Key);
    return { ...source, sha256, sizeBytes };
  } catch (error) {
    throw new S3UnreadableError(`s3://${source.s3Bucket}/${source.s3Key}: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
}

export class S3UnreadableError extends Error {}
