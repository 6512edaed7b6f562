import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { localFileReply, openLocalFile, requestedRange, type LocalFile } from '@/lib/downloads/sources/local';
import { sendReply } from '@/lib/downloads/reply';
import type { ByteRange } from '@/lib/downloads/range';
import { saveUpload } from '@/lib/downloads/storage';
import { FileUnavailable, RangeNotSatisfiable } from '@/lib/downloads/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'shop-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stored(content: Buffer | number, name = 'file.bin') {
  const { storedName } = await saveUpload(dir, Readable.from(typeof content === 'number' ? [] : [content]), name);
  if (typeof content === 'number') truncateSync(path.join(dir, storedName), content);
  return openLocalFile(dir, storedName);
}

/** Serves the reply over a real node:http socket, as the download endpoint does. */
async function fetchReply(file: LocalFile, range: ByteRange | null, fileName: string, contentType = 'application/octet-stream', method = 'GET') {
  const server = createServer((_req, res) => void sendReply(res, localFileReply(file, range, fileName, contentType), method));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method });
  return { response, close: () => new Promise((resolve) => server.close(resolve)) };
}

const MEMORY_LIMIT = 64 * 1024 * 1024;

/** Downloads the file from a separate server process; returns that process's peak memory growth. */
async function serverMemoryGrowth(storedName: string, mode: 'stream' | 'read-whole', size: number): Promise<number> {
  const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/support/memory-probe-server.ts', dir, storedName, mode],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = await once(server.stdout!, 'data');
    const base = `http://127.0.0.1:${JSON.parse(String(line)).port}`;
    await fetch(`${base}/baseline`, { method: 'POST' }).then((r) => r.text());
    let received = 0;
    for await (const chunk of (await fetch(`${base}/file`)).body as unknown as AsyncIterable<Uint8Array>) received += chunk.byteLength;
    expect(received).toBe(size);
    return (await (await fetch(`${base}/peak`)).json()).growth;
  } finally {
    server.kill();
  }
}

describe('local file source', () => {
  // Measured inside the serving process, from before the request: the client's own
  // buffers do not count, and a server that reads the file whole cannot hide it.
  it('streams a file larger than 100 MB with flat server memory, and the measurement catches a server that reads it whole', async () => {
    const size = 400 * 1024 * 1024;
    const file = await stored(size);
    const storedName = path.basename(file.path);
    const streamed = await serverMemoryGrowth(storedName, 'stream', size);
    const readWhole = await serverMemoryGrowth(storedName, 'read-whole', size);
    console.info(`server memory growth for ${size >> 20} MiB: streamed ${streamed >> 20} MiB, read whole ${readWhole >> 20} MiB`);
    expect(streamed).toBeLessThan(MEMORY_LIMIT);
    expect(readWhole).toBeGreaterThan(MEMORY_LIMIT);
  }, 120_000);

  it('answers Range requests with 206 and the exact bytes, and refuses ranges past the end', async () => {
    const content = randomBytes(10_000);
    const file = await stored(content);
    const range = requestedRange(file, 'bytes=1000-1999', null);
    const { response, close } = await fetchReply(file, range, 'part.bin');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 1000-1999/10000');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await response.arrayBuffer()).equals(content.subarray(1000, 2000))).toBe(true);
    await close();
    expect(() => requestedRange(file, 'bytes=10000-', null)).toThrow(RangeNotSatisfiable);
    expect(requestedRange(file, 'bytes=0-9', '"stale-etag"')).toBeNull();
    expect(requestedRange(file, 'bytes=0-9', file.etag)).toEqual({ start: 0, end: 9 });
  });

  it('names the download safely for spaces, quotes and non-ASCII', async () => {
    const file = await stored(Buffer.from('x'));
    const { response, close } = await fetchReply(file, null, 'Modèles pop-up "été" (1).pdf', 'application/pdf', 'HEAD');
    await close();
    expect(response.headers.get('content-length')).toBe('1');
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
    const { response, close } = await fetchReply(file, null, 'a.bin');
    const body = Buffer.from(await response.arrayBuffer());
    await close();
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
  });
});
