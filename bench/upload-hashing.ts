// Upload hashing (issue 20): a version's upload is hashed as it streams to storage (multipart parse,
// SHA-256 and the write to disk in one pass). Measured on the same file against the real `sha256sum`
// reading it from the page cache: the strongest honest baseline for "SHA-256 of these bytes".
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { receiveUploadWithFields } from '../lib/downloads/upload';
import { VERSION_FORM_FIELDS } from '../lib/versions/form';
import { median, report, ROUNDS } from './support';

const MIB = 1024 * 1024;

function multipart(filePath: string): Request {
  const boundary = '----bench' + randomBytes(8).toString('hex');
  async function* body() {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n1.1\r\n`);
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plugin.zip"\r\nContent-Type: application/zip\r\n\r\n`);
    for await (const chunk of createReadStream(filePath, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return new Request('http://bench.test/upload', {
    method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream, duplex: 'half',
  } as RequestInit);
}

export async function benchUploadHashing(sizeMiB = Number(process.env.BENCH_UPLOAD_MIB ?? 256)) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-upload-'));
  const file = path.join(dir, 'plugin.zip');
  try {
    writeFileSync(file, randomBytes(sizeMiB * MIB));
    console.log(`\nUpload hashing: ${sizeMiB} MiB, median of ${ROUNDS} rounds`);
    const shop: number[] = [], baseline: number[] = [];
    let shopDigest = '', baselineDigest = '';
    for (let round = 0; round < ROUNDS; round += 1) {
      let started = performance.now();
      const { file: saved } = await receiveUploadWithFields(multipart(file), path.join(dir, 'storage'), (sizeMiB + 1) * MIB, { names: VERSION_FORM_FIELDS, maxBytes: 80_000 });
      shop.push(sizeMiB / ((performance.now() - started) / 1000));
      shopDigest = saved!.sha256;
      rmSync(path.join(dir, 'storage'), { recursive: true, force: true });
      started = performance.now();
      baselineDigest = execFileSync('sha256sum', ['--binary', file], { encoding: 'utf8' }).split(' ')[0];
      baseline.push(sizeMiB / ((performance.now() - started) / 1000));
    }
    if (shopDigest !== baselineDigest) throw new Error(`digests differ: ${shopDigest} vs ${baselineDigest}`);
    report('streamed upload (multipart parse + SHA-256 + write to STORAGE_DIR) vs sha256sum alone',
      `${median(shop).toFixed(0)} MiB/s`, `${median(baseline).toFixed(0)} MiB/s`, median(shop) / median(baseline));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
