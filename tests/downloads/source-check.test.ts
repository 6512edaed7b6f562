// A file source is checked when it is saved, against the real S3-compatible server (Swift +
// s3api): an admin is told what is wrong then, and a shopper never meets it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InputInvalid } from '@/lib/errors';
import { publicError } from '@/lib/http/errors';
import { createS3Client } from '@/lib/downloads/sources/s3';
import { checkFileSource } from '@/lib/downloads/source-check';
import type { SourceSettings } from '@/lib/downloads/settings';
import { ensureS3Server, putTestObject, S3_TEST_SETTINGS } from '../support/s3';

const bucket = 'shop-tests';
const key = `checks/${randomBytes(4).toString('hex')}/pack.zip`;
const s3Source = (objectKey: string): SourceSettings => ({ kind: 's3', fileName: 'pack.zip', s3Bucket: bucket, s3Key: objectKey, s3ExpirySeconds: 300 });
const withClient = (settings: Parameters<typeof createS3Client>[0], httpsOnly = false) => ({ httpsOnly, s3: () => createS3Client(settings) });

async function reasonOf(check: Promise<void>): Promise<string> {
  const error = await check.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputInvalid);
  return publicError(error, 'test').fields!.s3Key ?? publicError(error, 'test').fields!.externalUrl!;
}

describe('checking a file source when it is saved', () => {
  let stop: () => void;
  beforeAll(async () => {
    stop = await ensureS3Server();
    await putTestObject(createS3Client(S3_TEST_SETTINGS), bucket, key, randomBytes(1024));
  });
  afterAll(() => stop?.());

  it('accepts an object the shop can read with its own credentials', async () => {
    await expect(checkFileSource(s3Source(key), withClient(S3_TEST_SETTINGS))).resolves.toBeUndefined();
  });

  it('refuses a key that is not there, credentials the server refuses, and a server that does not answer', async () => {
    expect(await reasonOf(checkFileSource(s3Source(`${key}.missing`), withClient(S3_TEST_SETTINGS))))
      .toBe(`No object s3://${bucket}/${key}.missing was found: check the bucket and the key.`);
    expect(await reasonOf(checkFileSource(s3Source(key), withClient({ ...S3_TEST_SETTINGS, secretAccessKey: 'wrong' }))))
      .toMatch(/^S3 refused the shop's credentials/);
    expect(await reasonOf(checkFileSource(s3Source(key), withClient({ ...S3_TEST_SETTINGS, endpoint: 'http://127.0.0.1:9' }))))
      .toMatch(/^The S3 server did not answer/);
  });

  it('refuses an S3 source when the shop has no credentials at all', async () => {
    // The SDK's default chain: no environment keys, no profile, and no instance metadata (no network call).
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent');
    try {
      const { accessKeyId: _a, secretAccessKey: _s, ...noCredentials } = S3_TEST_SETTINGS;
      expect(await reasonOf(checkFileSource(s3Source(key), withClient(noCredentials))))
        .toMatch(/^The shop has no S3 credentials to read s3:\/\/shop-tests\//);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('takes only https external URLs when the shop is on https', async () => {
    const external: SourceSettings = { kind: 'external', fileName: 'plugin.zip', externalUrl: 'http://files.example/plugin.zip' };
    expect(await reasonOf(checkFileSource(external, withClient(S3_TEST_SETTINGS, true))))
      .toBe('Enter an https:// URL: a shop on https sends shoppers to secure addresses only.');
    await expect(checkFileSource(external, withClient(S3_TEST_SETTINGS, false))).resolves.toBeUndefined();
    await expect(checkFileSource({ ...external, externalUrl: 'https://files.example/plugin.zip' }, withClient(S3_TEST_SETTINGS, true))).resolves.toBeUndefined();
  });
});
