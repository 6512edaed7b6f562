// presignDownload builds the presigned URL from the SDK's parts, once per object; it must give
// exactly the URL of the SDK's own getSignedUrl, for every kind of key, bucket and endpoint.
import { S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it, vi } from 'vitest';
import { createS3Client, presignDownload, presignWithSdk, type PresignRequest } from '@/lib/downloads/sources/s3';

// The SDK's function itself, watched: the fast path must not fall back to it where it need not.
vi.mock('@aws-sdk/s3-request-presigner', async (importOriginal) => {
  const sdk = await importOriginal<typeof import('@aws-sdk/s3-request-presigner')>();
  return { ...sdk, getSignedUrl: vi.fn(sdk.getSignedUrl) };
});
const sdkCalls = () => vi.mocked(getSignedUrl).mock.calls.length;

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const clients: [string, S3Client, 'own signing' | 'the SDK'][] = [
  ['a self-hosted store, path-style', createS3Client({ endpoint: 'http://127.0.0.1:8080', region: 'us-east-1', forcePathStyle: true, ...credentials }), 'own signing'],
  ['a self-hosted store under a path', createS3Client({ endpoint: 'https://store.example:9000/s3/', region: 'eu-central-1', forcePathStyle: true, ...credentials }), 'own signing'],
  ['AWS, virtual-hosted', createS3Client({ region: 'eu-west-1', forcePathStyle: false, ...credentials }), 'own signing'],
  ['AWS us-east-1, path-style', createS3Client({ region: 'us-east-1', forcePathStyle: true, ...credentials }), 'own signing'],
  // Not the default checksum settings: getSignedUrl adds parameters of its own, and presignDownload defers to it.
  ['AWS, checksums only when required', new S3Client({ region: 'ap-southeast-2', credentials, responseChecksumValidation: 'WHEN_REQUIRED' }), 'the SDK'],
];
const KEYS = ['files/pack.zip', 'a b/ü+~!*()\'&=?#.zip', 'x//y', '/leading', 'trailing/', '%41 already-encoded%2F'];
const BUCKETS = ['shop-files', 'my.dotted.bucket'];
const signedAt = new Date('2026-11-24T10:00:00.789Z');

describe('presignDownload', () => {
  for (const [name, client, signedBy] of clients) {
    it(`gives the SDK's own URL: ${name}, signed by ${signedBy}`, async () => {
      for (const bucket of BUCKETS) {
        for (const key of KEYS) {
          const request: PresignRequest = {
            bucket, key, fileName: 'Modèles pop-up (1).pdf', contentType: 'application/pdf', expiresInSeconds: 300, now: signedAt,
          };
          const before = sdkCalls();
          const ours = await presignDownload(client, request);
          expect(sdkCalls() - before, `${bucket} ${key}: getSignedUrl calls`).toBe(signedBy === 'the SDK' ? 1 : 0);
          expect(ours, `${bucket} ${key}`).toBe(await presignWithSdk(client, request));
          // A second time: from what was resolved for the object, with another clock and expiry.
          const later = { ...request, fileName: 'other.zip', contentType: 'application/zip', expiresInSeconds: 3600, now: new Date(signedAt.getTime() + 61_000) };
          expect(await presignDownload(client, later), `${bucket} ${key}, again`).toBe(await presignWithSdk(client, later));
        }
      }
    });
  }
});
