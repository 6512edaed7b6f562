// Uploaded files live under STORAGE_DIR (outside public/) under random names;
// the only way to them is the token-checked download endpoint.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { FileUnavailable } from './errors';

const STORED_NAME = /^[a-f0-9]{32}(\.[a-z0-9]{1,10})?$/;

export function storedFilePath(storageDir: string, storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new FileUnavailable('invalid stored file name');
  return path.join(path.resolve(storageDir), storedName);
}

function extensionOf(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase().slice(1);
  return /^[a-z0-9]{1,10}$/.test(ext) ? `.${ext}` : '';
}

export interface SavedUpload { storedName: string; bytes: number; /** SHA-256 of the bytes written, lowercase hex. */ sha256: string }

/**
 * Streams an upload to a new file; a failed upload leaves nothing behind. Never overwrites.
 * SHA-256 and size are computed from the same chunks as they pass to the file: no second read.
 */
export async function saveUpload(storageDir: string, stream: Readable, originalName: string): Promise<SavedUpload> {
  mkdirSync(path.resolve(storageDir), { recursive: true });
  const storedName = `${randomBytes(16).toString('hex')}${extensionOf(originalName)}`;
  const finalPath = storedFilePath(storageDir, storedName);
  const partial = `${finalPath}.part`;
  let bytes = 0;
  const hash = createHash('sha256');
  stream.on('data', (chunk: Buffer) => { bytes += chunk.length; hash.update(chunk); });
  try {
    await pipeline(stream, createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, finalPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { storedName, bytes, sha256: hash.digest('hex') };
}
