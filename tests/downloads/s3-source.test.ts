// Against a real S3-compatible server that checks SigV4 signatures and expiry.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, presignDownload } from '@/lib/downloads/sources/s3';
import { putTestObject, S3_TEST_SETTINGS } from '../support/s3';

const client = createS3Client(S3_TEST_SETTINGS);
const bucket = 'shop-tests';
const key = `downloads/${randomBytes(4).toString('hex')}/templates.pdf`;
const content = randomBytes(256 * 1024);
const request = { bucket, key, fileName: 'Modèles pop-up (1).pdf', contentType: 'application/pdf', expiresInSeconds: 300 };

describe('S3 presigned downloads', () => {
  beforeAll(async () => { await putTestObject(client, bucket, key, content); });

  it('gives the bytes under the configured file name', async () => {
    const url = await presignDownload(client, { ...request, now: new Date() });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="Mod?les pop-up (1).pdf"; filename*=UTF-8\'\'Mod%C3%A8les%20pop-up%20%281%29.pdf');
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('300');
  });

  it('is refused by the server when the signature is tampered with', async () => {
    const url = new URL(await presignDownload(client, { ...request, now: new Date() }));
    const signature = url.searchParams.get('X-Amz-Signature')!;
    url.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    expect((await fetch(url)).status).toBe(403);
    const otherKey = new URL(await presignDownload(client, { ...request, now: new Date() }));
    otherKey.pathname = otherKey.pathname.replace('templates.pdf', 'other.pdf');
    expect((await fetch(otherKey)).status).toBe(403);
  });

  it('is refused by the server once expired', async () => {
    const signedLongAgo = new Date(Date.now() - 120_000);
    const url = await presignDownload(client, { ...request, expiresInSeconds: 60, now: signedLongAgo });
    expect((await fetch(url)).status).toBe(403);
  });
});
