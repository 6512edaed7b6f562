// S3 (or any S3-compatible store): a presigned GET the shopper is redirected to.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { attachmentDisposition } from '../disposition';

export const S3_EXPIRY = { default: 300, min: 60, max: 3600 } as const;

export interface S3Settings {
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.accessKeyId && settings.secretAccessKey
      ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
      : undefined,
  });
}

let cached: { settings: S3Settings; client: S3Client } | undefined;

/** One client per settings: it keeps its connection pool and credential cache. */
export function s3ClientFor(settings: S3Settings): S3Client {
  if (cached?.settings !== settings) cached = { settings, client: createS3Client(settings) };
  return cached.client;
}

export interface PresignRequest {
  bucket: string;
  key: string;
  fileName: string;
  contentType: string;
  expiresInSeconds: number;
  /** The clock: presigning is pure given it, and tests can sign in the past. */
  now: Date;
}

export function presignDownload(client: S3Client, request: PresignRequest): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: request.bucket,
    Key: request.key,
    ResponseContentDisposition: attachmentDisposition(request.fileName),
    ResponseContentType: request.contentType,
  });
  return getSignedUrl(client, command, { expiresIn: request.expiresInSeconds, signingDate: request.now });
}
