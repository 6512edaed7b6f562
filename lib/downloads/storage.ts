// Uploaded files live under STORAGE_DIR (outside public/) under random names;
// the only way to them is the token-checked download endpoint.
import { randomBytes } from 'node:crypto';
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

/** Streams an upload to a new file; a failed upload leaves nothing behind. Never overwrites. */
export async function saveUpload(storageDir: string, stream: Readable, originalName: string): Promise<{ storedName: string; bytes: number }> {
  mkdirSync(path.resolve(storageDir), { recursive: true });
  const storedName = `${randomBytes(16).toString('hex')}${extensionOf(originalName)}`;
  const finalPath = storedFilePath(storageDir, storedName);
  const partial = `${finalPath}.part`;
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => { bytes += chunk.length; });
  try {
    await pipeline(stream, createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, finalPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { storedName, bytes };
}
