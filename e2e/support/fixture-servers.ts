// What the browser tests need around the shop, in one process: a real SMTP
// server, an HTTP view of its mailbox (GET /messages), and an "external" file
// host for the external-URL download source (GET /files/plugin.zip).
import { createServer } from 'node:http';
import { startSmtpCatcher } from '../../tests/support/smtp';
import { EXTERNAL_FILE, FIXTURES_PORT, SMTP_PORT } from './env';

const smtp = await startSmtpCatcher(SMTP_PORT);
createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  if (req.url === '/messages') {
    res.setHeader('content-type', 'application/json');
    return void res.end(JSON.stringify(smtp.received));
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
