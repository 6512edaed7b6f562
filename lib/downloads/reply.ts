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
}

// 1 MiB reads: fewer, larger writes to the socket.
const READ_CHUNK_BYTES = 1024 * 1024;

/** Writes a reply to a Node response, streaming the file (never reading it whole). HEAD gets the headers only. */
export async function sendReply(res: ServerResponse, reply: DownloadReply, method: string): Promise<void> {
  res.writeHead(reply.status, reply.headers);
  if (method === 'HEAD') return void res.end();
  if (reply.file) {
    const { path, start, end } = reply.file;
    await pipeline(createReadStream(path, { start, end, highWaterMark: READ_CHUNK_BYTES }), res).catch(() => {
      // The client went away mid-download (it may resume with Range); nothing to repair.
    });
    return;
  }
  res.end(reply.html ?? '');
}
