// What the browser tests need around the shop, in one process: a real SMTP
// server, an HTTP view of its mailbox (GET /messages), and an "external" file
// host for the external-URL download source (GET /files/plugin.zip).
import { createServer } from 'node:http';
import { startSmtpCatcher } from '../../tests/support/smtp';
import { BASE_URL, EXTERNAL_FILE, FIXTURES_PORT, SMTP_PORT } from './env';

/** A partner's page embedding the shop's content container; the signed query is the page's own. */
const embedPage = (slug: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Partner blog</title>
<body><h1>Partner blog</h1>
<shop-content-container lock-mode="signedUrl" item-src="${BASE_URL}/articles/${slug}" access-url="${BASE_URL}/api/access/${slug}">
<p>Teaser on the partner's page.</p></shop-content-container>
<script src="${BASE_URL}/content-container.js" defer></script></body></html>`;

const smtp = await startSmtpCatcher(SMTP_PORT);
createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  if (req.url === '/messages') {
    res.setHeader('content-type', 'application/json');
    return void res.end(JSON.stringify(smtp.received));
  }
  const embed = /^\/embed\/([a-z0-9-]+)(\?|$)/.exec(req.url ?? '');
  if (embed) {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    return void res.end(embedPage(embed[1]));
  }
  if (req.url === EXTERNAL_FILE.path) {
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', `attachment; filename="${EXTERNAL_FILE.fileName}"`);
    return void res.end(EXTERNAL_FILE.bytes());
  }
  res.statusCode = 404;
  res.end();
}).listen(FIXTURES_PORT, '127.0.0.1');
console.log(`fixtures: SMTP ${smtp.url}, http://127.0.0.1:${FIXTURES_PORT}/messages and ${EXTERNAL_FILE.path}`);
