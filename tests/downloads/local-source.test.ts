import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { localFileResponse, openLocalFile, requestedRange } from '@/lib/downloads/sources/local';
import { saveUpload } from '@/lib/downloads/storage';
import { FileUnavailable, RangeNotSatisfiable } from '@/lib/downloads/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'shop-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stored(content: Buffer | number, name = 'file.bin') {
  const { storedName } = await saveUpload(dir, Readable.from(typeof content === 'number' ? [] : [content]), name);
  if (typeof content === 'number') truncateSync(path.join(dir, storedName), content);
  return openLocalFile(dir, storedName);
}

describe('local file source', () => {
  it('streams a file larger than 100 MB with flat memory', async () => {
    const size = 150 * 1024 * 1024;
    const file = await stored(size);
    const response = localFileResponse(file, null, 'big.bin', 'application/octet-stream');
    expect(response.headers.get('content-length')).toBe(String(size));
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let received = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(received).toBe(size);
    expect(peak - baseline).toBeLessThan(48 * 1024 * 1024);
  });

  it('answers Range requests with 206 and the exact bytes, and refuses ranges past the end', async () => {
    const content = randomBytes(10_000);
    const file = await stored(content);
    const range = requestedRange(file, 'bytes=1000-1999', null);
    const response = localFileResponse(file, range, 'part.bin', 'application/octet-stream');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 1000-1999/10000');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await response.arrayBuffer()).equals(content.subarray(1000, 2000))).toBe(true);
    expect(() => requestedRange(file, 'bytes=10000-', null)).toThrow(RangeNotSatisfiable);
    expect(requestedRange(file, 'bytes=0-9', '"stale-etag"')).toBeNull();
    expect(requestedRange(file, 'bytes=0-9', file.etag)).toEqual({ start: 0, end: 9 });
  });

  it('names the download safely for spaces, quotes and non-ASCII', async () => {
    const file = await stored(Buffer.from('x'));
    const response = localFileResponse(file, null, 'Modèles pop-up "été" (1).pdf', 'application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="Mod?les pop-up \\"?t?\\" (1).pdf"; filename*=UTF-8\'\'Mod%C3%A8les%20pop-up%20%22%C3%A9t%C3%A9%22%20%281%29.pdf');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
  });

  it('keeps uploads under random names and refuses names that could leave the directory', async () => {
    const { storedName } = await saveUpload(dir, Readable.from([Buffer.from('hello')]), '../../etc/passwd.zip');
    expect(storedName).toMatch(/^[a-f0-9]{32}\.zip$/);
    expect(readFileSync(path.join(dir, storedName), 'utf8')).toBe('hello');
    for (const name of ['../secret', '/etc/passwd', `${storedName}/..`, 'ABC.zip']) {
      await expect(openLocalFile(dir, name)).rejects.toBeInstanceOf(FileUnavailable);
    }
    await expect(openLocalFile(dir, 'ffffffffffffffffffffffffffffffff.zip')).rejects.toBeInstanceOf(FileUnavailable);
  });

  it('hashes the same as the stored file when streamed whole', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 17);
    writeFileSync(path.join(dir, 'ignored'), 'not served');
    const file = await stored(content);
    const body = Buffer.from(await localFileResponse(file, null, 'a.bin', 'application/octet-stream').arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
  });
});
