// Uploads through a real multipart body into a temporary STORAGE_DIR.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveUpload, sanitiseFileName } from '@/lib/downloads/upload';
import { RequestRefused } from '@/lib/errors';

const storage = () => mkdtempSync(path.join(tmpdir(), 'shop-upload-'));
const filesIn = (dir: string) => readdirSync(dir);

function multipart(fileName: string, bytes: Buffer, extra: [string, string][] = []) {
  const form = new FormData();
  for (const [name, value] of extra) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  return new Request('http://shop.test/api/admin/products/x/file', { method: 'POST', body: form });
}

/** A request whose body stops half-way, as when the admin's connection drops. */
function abortedMultipart(bytes: Buffer) {
  const boundary = 'XyZ';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(head));
      controller.enqueue(new Uint8Array(bytes));
      setTimeout(() => controller.error(new Error('connection reset')), 20);
    },
  });
  return new Request('http://shop.test/x', {
    method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, duplex: 'half',
  } as RequestInit);
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

describe('admin uploads', () => {
  it('stores a file within the limit under a random name with its own (cleaned) name', async () => {
    const dir = storage();
    const received = await receiveUpload(multipart('templates.pdf', Buffer.alloc(5000, 7)), dir, 10_000);
    expect(received).toMatchObject({ bytes: 5000, fileName: 'templates.pdf', contentType: 'application/pdf' });
    expect(filesIn(dir)).toEqual([received!.storedName]);
    expect(readFileSync(path.join(dir, received!.storedName)).length).toBe(5000);
  });

  it('refuses a file over MAX_UPLOAD_BYTES with 413 and leaves nothing behind', async () => {
    const dir = storage();
    const error = await refusal(receiveUpload(multipart('big.pdf', Buffer.alloc(20_000, 1)), dir, 10_000));
    expect(error).toBeInstanceOf(RequestRefused);
    expect((error as RequestRefused).code).toBe('BODY_TOO_LARGE');
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses a declared Content-Length far over the limit before reading anything', async () => {
    const request = new Request('http://shop.test/x', { method: 'POST', body: 'x', headers: { 'content-length': String(10 ** 12) } });
    expect(((await refusal(receiveUpload(request, storage(), 10_000))) as RequestRefused).code).toBe('BODY_TOO_LARGE');
  });

  it('an empty file is refused and leaves no file', async () => {
    const dir = storage();
    const error = await refusal(receiveUpload(multipart('empty.pdf', Buffer.alloc(0)), dir, 10_000));
    expect((error as RequestRefused).code).toBe('UPLOAD_EMPTY');
    expect(filesIn(dir)).toEqual([]);
  });

  it('an aborted upload leaves no file, not even a partial one', async () => {
    const dir = storage();
    const error = await refusal(receiveUpload(abortedMultipart(Buffer.alloc(200_000, 3)), dir, 10_000_000));
    expect(error).toBeInstanceOf(Error);
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses too many fields', async () => {
    const dir = storage();
    const extra = Array.from({ length: 20 }, (_, i) => [`f${i}`, 'v'] as [string, string]);
    const error = await refusal(receiveUpload(multipart('a.pdf', Buffer.alloc(10, 1), extra), dir, 10_000));
    expect((error as RequestRefused).code).toBe('UPLOAD_REJECTED');
    expect(filesIn(dir)).toEqual([]);
  });

  it('strips paths, control and bidi characters from file names', () => {
    expect(sanitiseFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('a\u0000b\r\nc\u0007.pdf')).toBe('abc.pdf');
    expect(sanitiseFileName('\u2066\u2069')).toBeNull();
    expect(sanitiseFileName('été.pdf')).toBe('été.pdf');
    expect(sanitiseFileName('..')).toBeNull();
  });
});
