import { createHash } from 'node:crypto';

/** Who is downloading, as far as a server can tell; used for the log and to recognise a resume. */
export interface DownloadClient {
  ip: string;
  userAgent: string;
}

export function clientKey(client: DownloadClient): string {
  return createHash('sha256').update(`${client.ip}\n${client.userAgent}`).digest('base64url').slice(0, 22);
}
