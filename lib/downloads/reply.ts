// What the download endpoint answers, as plain data: a status, headers, and
// either nothing, a short page, or a byte range of a file to stream.
import { open, type FileHandle } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { ServerResponse } from 'node:http';

export interface FileSlice { path: string; start: number; end: number }

export interface DownloadReply {
  status: number;
  headers: Record<string, string>;
  file?: FileSlice;
  html?: string;
  /** The download log entry of a counted or resumed file response, to note a cut-short transfer. */
  eventId?: number;
}

/** How much of a file response reached the socket; `complete` false when the client went away. */
export interface SendOutcome { complete: boolean; bytesSent: number }

// 1 MiB reads: fewer, larger writes to the socket.
const READ_CHUNK_BYTES = 1024 * 1024;

/** Writes a reply to a Node response, streaming the file (never reading it whole). HEAD gets the headers only. */
export async function sendReply(res: ServerResponse, reply: DownloadReply, method: string): Promise<SendOutcome> {
  if (reply.file) {
    res.writeHead(reply.status, reply.headers);
    if (method !== 'HEAD') return streamFile(res, reply.file);
    res.end();
    return { complete: true, bytesSent: 0 };
  }
  // A redirect, a page or an nginx hand-off: its length is known, so it goes out in one
  // write without chunked framing (nginx sends its own length for the file it hands off to).
  const body = reply.html ?? '';
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(method === 'HEAD' ? undefined : body);
  return { complete: true, bytesSent: 0 };
}

/** Resolves once the chunk has reached the socket (so its buffer may be reused); rejects if the response is gone. */
function write(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.destroyed) return reject(new Error('the client went away'));
    const gone = () => reject(new Error('the client went away'));
    res.once('close', gone);
    res.write(chunk, (error) => {
      res.off('close', gone);
      if (error) reject(error);
      else resolve();
    });
  });
}

/**
 * Two buffers in turn: the next chunk is read while the last one is written, and a buffer is
 * read into again only once its chunk reached the socket. No allocation per chunk, and none of
 * the stream machinery that the framework's own code shares in this process: with
 * createReadStream and pipeline, some server processes streamed at a quarter of the speed of others.
 */
async function streamFile(res: ServerResponse, { path, start, end }: FileSlice): Promise<SendOutcome> {
  let file: FileHandle | undefined;
  let position = start;
  try {
    file = await open(path, 'r');
    const buffers = [Buffer.allocUnsafe(READ_CHUNK_BYTES), Buffer.allocUnsafe(READ_CHUNK_BYTES)];
    const writes: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
    for (let turn = 0; position <= end; turn ^= 1) {
      await writes[turn];
      const { bytesRead } = await file.read(buffers[turn], 0, Math.min(READ_CHUNK_BYTES, end - position + 1), position);
      if (bytesRead === 0) throw new Error(`${path} ended before byte ${end}`);
      writes[turn] = write(res, buffers[turn].subarray(0, bytesRead));
      writes[turn].catch(() => {}); // awaited in turn below; a rejection here must not go unhandled meanwhile
      position += bytesRead;
    }
    await Promise.all(writes);
    res.end();
    await finished(res);
    return { complete: true, bytesSent: end - start + 1 };
  } catch {
    // The file went away, or the client did mid-download (it may resume with Range). Bytes read
    // but perhaps not delivered count as sent: the error is on the shop's side, never in the client's favour.
    if (!res.destroyed) res.destroy();
    return { complete: false, bytesSent: position - start };
  } finally {
    await file?.close();
  }
}
