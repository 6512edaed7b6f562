// Receives an admin's multipart upload: one file, streamed to STORAGE_DIR under a
// random name, within MAX_UPLOAD_BYTES and small field limits. Whatever goes wrong
// (too big, empty, aborted, malformed), no file is left behind.
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { RequestRefused } from '../errors';
import { saveUpload, storedFilePath } from './storage';

export interface ReceivedFile { storedName: string; bytes: number; sha256: string; fileName: string; contentType: string }

/** Multipart overhead allowed above MAX_UPLOAD_BYTES in a declared Content-Length. */
const ENVELOPE_BYTES = 64 * 1024;
const LIMITS = { files: 1, fields: 5, fieldSize: 1024, parts: 8, headerPairs: 20 };

// Control characters, and the bidi and invisible format characters that make "exe.pdf" look like "fdp.exe".
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/gu;

/** The file's own name, without any path, control or bidi characters; null when nothing is left. */
export function sanitiseFileName(raw: string | undefined): string | null {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE_NAME_CHARACTERS, '').normalize('NFC').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? null : clean;
}

const tooLarge = (maxBytes: number) =>
  new RequestRefused('BODY_TOO_LARGE', `the file is larger than the limit of ${maxBytes} bytes`, undefined, { kib: Math.round(maxBytes / 1024) });

/** null: the request held no file. Throws BODY_TOO_LARGE, UPLOAD_EMPTY, UPLOAD_REJECTED, or the stream's error. */
export async function receiveUpload(request: Request, storageDir: string, maxBytes: number): Promise<ReceivedFile | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  if (!request.body) return null;
  return refuseEmpty(storageDir, await parseMultipart(request, storageDir, maxBytes));
}

export interface FieldLimits { names: readonly string[]; maxBytes: number }

/**
 * An upload with form fields besides the file (at most `fields.maxBytes` each; others ignored), so
 * a form can send both in one streamed request. The file is optional: null when none was sent.
 */
export async function receiveUploadWithFields(
  request: Request, storageDir: string, maxBytes: number, fields: FieldLimits,
): Promise<{ file: ReceivedFile | null; fields: Record<string, string> }> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes + ENVELOPE_BYTES + fields.names.length * fields.maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return { file: null, fields: {} };
  const values: Record<string, string> = {};
  const file = await refuseEmpty(storageDir, await parseMultipart(request, storageDir, maxBytes, { ...fields, values }));
  return { file, fields: values };
}

async function refuseEmpty(storageDir: string, received: ReceivedFile | null): Promise<ReceivedFile | null> {
  if (received && received.bytes === 0) {
    await rm(storedFilePath(storageDir, received.storedName), { force: true });
    throw new RequestRefused('UPLOAD_EMPTY', 'the file is empty');
  }
  return received;
}

function parseMultipart(
  request: Request, storageDir: string, maxBytes: number, fields?: FieldLimits & { values: Record<string, string> },
): Promise<ReceivedFile | null> {
  return new Promise((resolve, reject) => {
    let saving: Promise<ReceivedFile> | null = null;
    let refusal: RequestRefused | null = null;
    // Browsers send the file name as raw UTF-8; busboy would read it as Latin-1 otherwise.
    const parser = busboy({
      headers: Object.fromEntries(request.headers), defParamCharset: 'utf8',
      limits: { ...LIMITS, fileSize: maxBytes, ...(fields ? { fields: fields.names.length + 2, fieldSize: fields.maxBytes, parts: fields.names.length + 4 } : {}) },
    });
    parser.on('field', (name, value, info) => {
      if (!fields || !fields.names.includes(name)) return;
      if (info.valueTruncated) refusal ??= new RequestRefused('UPLOAD_REJECTED', `the field ${name} is too long`);
      else fields.values[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      const name = sanitiseFileName(info.filename);
      if (field !== 'file' || !name || saving) return void stream.resume();
      // Over the limit busboy truncates the file and drops the rest; the truncated file is deleted on close.
      stream.on('limit', () => { refusal = tooLarge(maxBytes); });
      saving = saveUpload(storageDir, stream, name).then((saved) => ({
        ...saved, fileName: name, contentType: /^[\w.+-]+\/[\w.+-]+$/.test(info.mimeType) ? info.mimeType : 'application/octet-stream',
      }));
      saving.catch(() => {}); // awaited on close; this only keeps an early failure from going unhandled
    });
    for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
      parser.on(event, () => { refusal ??= new RequestRefused('UPLOAD_REJECTED', 'the upload has too many parts'); });
    }
    const fail = (error: unknown) => {
      const reason = refusal ?? error;
      // A file already being written is deleted by saveUpload when its stream fails; wait for that.
      (saving ?? Promise.resolve()).then(() => reject(reason), () => reject(reason));
    };
    parser.on('error', fail);
    parser.on('close', () => {
      if (!saving) return void (refusal ? reject(refusal) : resolve(null));
      saving.then(async (saved) => {
        if (!refusal) return resolve(saved);
        await rm(storedFilePath(storageDir, saved.storedName), { force: true });
        reject(refusal);
      }, fail);
    });
    // pipeline: an aborted request errors the parser (and so the file being written) instead of hanging.
    pipeline(Readable.fromWeb(request.body as never), parser).catch(fail);
  });
}
