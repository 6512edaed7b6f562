// GET/HEAD /api/downloads/{slug}?token=… on a plain Node request and response:
// called by the shop's server before Next routes anything (the hot path), and by
// the Pages API route under `next dev`. Content-Length and streaming are ours.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress } from '../http/client-address';
import { errorPage, PRIVATE_HEADERS } from '../http/errors';
import { chooseLanguage, LANGUAGE_PARAM, languageCookieIn } from '../i18n/locales';
import { recordBytesSent } from '../downloads/authorize';
import { sendReply, type DownloadReply } from '../downloads/reply';
import { serveDownload } from '../downloads/serve';
import { TokenExpired } from '../downloads/errors';
import { freshLinkOfferHtml } from '../fresh-links/offer';
import { offeredLanguages } from './languages';
import { db, shop } from './shop';

// What next.config.mjs gives every other response, plus the endpoint's own privacy headers.
const HEADERS = { ...PRIVATE_HEADERS, 'X-Frame-Options': 'DENY' };

const DOWNLOAD_PATH = /^\/api\/downloads\/([^/?#]+)(?:\?|$)/;

/** The product slug when `url` is the download endpoint (not the token route next to it); null otherwise. */
export function downloadSlugOf(url: string): string | null {
  const match = DOWNLOAD_PATH.exec(url);
  if (!match || match[1] === 'token') return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/** A refusal's language, as on every page (the session aside, which this hot path does not open): `?lang=`, the cookie, Accept-Language. */
const languageOf = (req: IncomingMessage, url: URL) => chooseLanguage({
  param: url.searchParams.get(LANGUAGE_PARAM), cookie: languageCookieIn(header(req.headers.cookie)), acceptLanguage: header(req.headers['accept-language']),
}, offeredLanguages());

export async function handleDownload(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const method = req.method;
  const url = new URL(req.url ?? '/', 'http://shop');
  const token = url.searchParams.get('token');
  const { settings: { storageDir, s3, trustProxy, downloadOffload }, rings } = shop();
  let reply: DownloadReply;
  let headers = HEADERS;
  try {
    reply = await serveDownload({
      method,
      slug,
      token,
      range: header(req.headers.range),
      ifRange: header(req.headers['if-range']),
      // The right-most X-Forwarded-For hop that is not one of our proxies (TRUST_PROXY).
      client: {
        ip: clientAddress(header(req.headers['x-forwarded-for']), req.socket.remoteAddress, trustProxy),
        userAgent: header(req.headers['user-agent']) ?? '',
      },
    }, { db: db(), ring: rings.downloads, storageDir, s3, now: new Date(), offload: downloadOffload });
  } catch (error) {
    // A genuine token that has expired (its signature is checked first): offer a fresh link by email instead of a dead end.
    const offer = error instanceof TokenExpired && token ? freshLinkOfferHtml('download', token, languageOf(req, url)) : undefined;
    // Its form posts to the shop, which refuses `Origin: null` (what a no-referrer page sends); the token has expired anyway.
    if (offer) headers = { ...HEADERS, 'Referrer-Policy': 'same-origin' };
    reply = errorPage(error, `download ${slug}`, 'download', languageOf(req, url), { offer });
  }
  const send = (answer: DownloadReply) => sendReply(res, { ...answer, headers: { ...answer.headers, ...headers } }, method);
  try {
    const sent = await send(reply);
    if (!sent.complete && reply.eventId !== undefined) await recordBytesSent(db(), reply.eventId, sent.bytesSent);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    await send(errorPage(error, `download ${slug}`, 'download', languageOf(req, url)));
  }
}
