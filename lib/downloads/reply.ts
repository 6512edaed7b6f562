// What the download endpoint answers, as plain data: a status, headers, and
// either nothing, a short page, or a byte range of a file to stream.
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

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
  res.writeHead(reply.status, reply.headers);
  if (method === 'HEAD' || !reply.file) {
    res.end(method === 'HEAD' ? undefined : reply.html ?? '');
    return { complete: true, bytesSent: 0 };
  }
  const { path, start, end } = reply.file;
  const source = createReadStream(path, { start, end, highWaterMark: READ_CHUNK_BYTES });
  try {
    await pipeline(source, res);
    return { complete: true, bytesSent: end - start + 1 };
  } catch {
    // The client went away mid-download; it may resume with Range. Bytes read but still
    // buffered count as sent: the error is on the shop's side, never in the client's favour.
    return { complete: false, bytesSent: source.bytesRead };
  }
}
