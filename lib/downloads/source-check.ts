// A file source is checked when an admin saves it, so a misconfiguration is refused then and
// never discovered by a shopper's download: an S3 object must answer a HEAD with the shop's own
// credentials, and an external URL must be https when the shop itself is (production).
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InputInvalid } from '../errors';
import { fieldReason, type FieldReasonKey } from '../forms';
import type { SourceSettings } from './settings';

export const S3_CHECK_TIMEOUT_MS = 5_000;

export interface SourceCheckContext {
  /** The shop is served over https (required in production, unless a local trial allows http). */
  httpsOnly: boolean;
  s3: () => S3Client;
}

/** Why S3 refused a HEAD, in the words an admin can act on. */
function s3Reason(error: unknown): FieldReasonKey {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode;
  if (name === 'CredentialsProviderError' || /credential/i.test(String((error as Error)?.message))) return 's3NoCredentials';
  if (status === 404 || name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket') return 's3NotFound';
  if (status === 403 || status === 401) return 's3Denied';
  return 's3Unreachable';
}

export async function checkFileSource(source: SourceSettings, ctx: SourceCheckContext): Promise<void> {
  if (source.kind === 'external' && ctx.httpsOnly && !source.externalUrl.startsWith('https://')) {
    throw new InputInvalid({ externalUrl: fieldReason('httpsRequired') });
  }
  if (source.kind !== 's3') return;
  try {
    await ctx.s3().send(new HeadObjectCommand({ Bucket: source.s3Bucket, Key: source.s3Key }), { abortSignal: AbortSignal.timeout(S3_CHECK_TIMEOUT_MS) });
  } catch (error) {
    console.warn(`[file source] s3://${source.s3Bucket}/${source.s3Key} refused: ${(error as Error)?.name}: ${(error as Error)?.message}`);
    throw new InputInvalid({ s3Key: fieldReason(s3Reason(error), { bucket: source.s3Bucket, key: source.s3Key }) });
  }
}
