// SHA-256 of a version's file, checked against the real `sha256sum` on the same bytes: an upload
// hashed as it streams through the multipart parser, an S3 object on the real local S3 server
// (Swift's s3api stores no ChecksumSHA256, so the shop reads the object once as a stream), and an
// external URL read once from a real HTTP server (or left without a digest when it cannot be read).
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { receiveUploadWithFields } from '@/lib/downloads/upload';
import { storedFilePath } from '@/lib/downloads/storage';
import { createS3Client } from '@/lib/downloads/sources/s3';
import { digestOfS3Object, digestOfUrl, fullObjectSha256 } from '@/lib/versions/digest';
import { readVersionForm, VERSION_FORM_FIELDS } from '@/lib/versions/form';
import { ensureS3Server, putTestObject, S3_TEST_SETTINGS } from '../support/s3';

const dir = mkdtempSync(path.join(tmpdir(), 'hashing-test-'));
const file = path.join(dir, 'plugin-1.1.zip');
const sha256sum = (target: string) => execFileSync('sha256sum', ['--binary', target], { encoding: 'utf8' }).split(' ')[0];

beforeAll(() => writeFileSync(file, randomBytes(9 * 1024 * 1024 + 12345)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A browser's multipart body, streamed from the file on disk (never read whole). */
function multipartRequest(fields: Record<string, string>, filePath: string): Request {
  const boundary = '----versions' + randomBytes(8).toString('hex');
  async function* body() {
    for (const [name, value] of Object.entries(fields)) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    }
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(filePath)}"\r\nContent-Type: application/zip\r\n\r\n`);
    for await (const chunk of createReadStream(filePath, { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return new Request('http://shop.test/upload', {
    method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream, duplex: 'half',
  } as RequestInit);
}

describe('a version upload', () => {
  it('is hashed as it streams to storage: the digest and size equal sha256sum of the same file, and the stored copy', async () => {
    const storage = path.join(dir, 'storage');
    const { file: received, fields } = await receiveUploadWithFields(
      multipartRequest({ version: '1.1', notes: '* faster folds', kind: 'local' }, file), storage, 64 * 1024 * 1024, { names: VERSION_FORM_FIELDS, maxBytes: 80_000 });
    expect(received!.sha256).toBe(sha256sum(file));
    expect(received!.bytes).toBe(readFileSync(file).length);
    expect(sha256sum(storedFilePath(storage, received!.storedName))).toBe(sha256sum(file));
    expect(readVersionForm(fields, true, true)).toEqual({ ok: { version: '1.1', notes: '* faster folds', source: { kind: 'local' } } });
  });

  it('refuses a form it cannot publish, saying which field to fix', () => {
    expect(readVersionForm({ version: '../1' }, true, true)).toEqual({ error: 'errVersion' });
    expect(readVersionForm({ version: '1.1', kind: 'local' }, false, true)).toEqual({ error: 'errFile' });
    expect(readVersionForm({ version: '1.1', kind: 'external', fileName: 'a.zip', externalUrl: 'http://files.example/a.zip' }, false, true)).toEqual({ error: 'errHttps' });
    expect(readVersionForm({ version: '1.1', kind: 'external', fileName: 'a/b.zip', externalUrl: 'https://files.example/a.zip' }, false, true)).toEqual({ error: 'errFileName' });
    expect(readVersionForm({ version: '1.1', kind: 's3', fileName: 'a.zip', s3Bucket: 'X', s3Key: 'k' }, false, true)).toEqual({ error: 'errS3' });
    expect(readVersionForm({ version: '1.1', notes: 'x'.repeat(20_001) }, true, true)).toEqual({ error: 'errNotes' });
  });
});

describe('an S3 version', () => {
  let stop = () => {};
  beforeAll(async () => { stop = await ensureS3Server(); }, 120_000);
  afterAll(() => stop());

  it('uses a full-object ChecksumSHA256, never a composite (multipart) one', () => {
    const base64 = Buffer.from(sha256sum(file), 'hex').toString('base64');
    expect(fullObjectSha256({ ChecksumSHA256: base64, ChecksumType: 'FULL_OBJECT' })).toBe(sha256sum(file));
    expect(fullObjectSha256({ ChecksumSHA256: base64 })).toBe(sha256sum(file));
    expect(fullObjectSha256({ ChecksumSHA256: base64, ChecksumType: 'COMPOSITE' })).toBeNull();
    expect(fullObjectSha256({ ChecksumSHA256: `${base64}-3` })).toBeNull();
    expect(fullObjectSha256({})).toBeNull();
  });

  it('on the local S3 server (no ChecksumSHA256 stored) is read once as a stream and matches sha256sum', async () => {
    const client = createS3Client(S3_TEST_SETTINGS);
    await putTestObject(client, 'versions-test', 'probe', Buffer.from('x'));
    await client.send(new PutObjectCommand({ Bucket: 'versions-test', Key: 'plugin/1.1.zip', Body: readFileSync(file), ChecksumAlgorithm: 'SHA256' }));
    const head = await client.send(new HeadObjectCommand({ Bucket: 'versions-test', Key: 'plugin/1.1.zip', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumSHA256, 'Swift s3api keeps no SHA-256 checksum: the fallback is what runs here').toBeUndefined();
    const digest = await digestOfS3Object(client, 'versions-test', 'plugin/1.1.zip');
    expect(digest).toEqual({ sha256: sha256sum(file), sizeBytes: readFileSync(file).length, origin: 'streamed' });
    await expect(digestOfS3Object(client, 'versions-test', 'plugin/missing.zip')).rejects.toThrow();
  });
});

describe('an external version', () => {
  it('is read once when reachable, and has no digest when it is not', async () => {
    let requests = 0;
    const server = createServer((req, res) => {
      requests += 1;
      if (req.url !== '/plugin.zip') { res.statusCode = 404; res.end(); return; }
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      expect(await digestOfUrl(`${base}/plugin.zip`)).toEqual({ sha256: sha256sum(file), sizeBytes: readFileSync(file).length });
      expect(requests).toBe(1);
      expect(await digestOfUrl(`${base}/gone.zip`)).toBeNull();
    } finally {
      server.close();
    }
    expect(await digestOfUrl(`${base}/plugin.zip`)).toBeNull(); // the server is gone: unreachable
  });
});
