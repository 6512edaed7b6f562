// GET/HEAD /api/downloads/{slug}?token=… as a Pages Router API route: App
// Router route handlers drop Content-Length from every response, and a
// download needs it (progress, resumption). Here the Node response is ours.
import type { NextApiRequest, NextApiResponse } from 'next';
import { config as appConfig } from '@/lib/config';
import { db } from '@/lib/db/client';
import { recordBytesSent } from '@/lib/downloads/authorize';
import { sendReply, type DownloadReply } from '@/lib/downloads/reply';
import { clientAddress } from '@/lib/http/client-address';
import { serveDownload } from '@/lib/downloads/serve';
import { downloadTokenRing } from '@/lib/downloads/token';
import { errorPage, PRIVATE_HEADERS } from '@/lib/http/errors';

export const config = { api: { bodyParser: false, responseLimit: false } };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export default async function download(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...PRIVATE_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const method = req.method;
  const slug = one(req.query.slug) ?? '';
  const { appKeys, storageDir, s3, trustProxy, downloadOffload } = appConfig();
  let reply: DownloadReply;
  try {
    reply = await serveDownload({
      method,
      slug,
      token: one(req.query.token),
      range: one(req.headers.range),
      ifRange: one(req.headers['if-range']),
      // The right-most X-Forwarded-For hop that is not one of our proxies (TRUST_PROXY).
      client: {
        ip: clientAddress(one(req.headers['x-forwarded-for']), req.socket.remoteAddress, trustProxy),
        userAgent: one(req.headers['user-agent']) ?? '',
      },
    }, { db: db(), ring: downloadTokenRing(appKeys), storageDir, s3, now: new Date(), offload: downloadOffload });
  } catch (error) {
    reply = errorPage(error, `download ${slug}`);
  }
  try {
    const sent = await sendReply(res, { ...reply, headers: { ...reply.headers, ...PRIVATE_HEADERS } }, method);
    if (!sent.complete && reply.eventId !== undefined) await recordBytesSent(db(), reply.eventId, sent.bytesSent);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    const page = errorPage(error, `download ${slug}`);
    await sendReply(res, page, method);
  }
}
