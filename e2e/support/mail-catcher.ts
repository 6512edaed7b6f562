// A real SMTP server for the browser tests, with an HTTP view of its mailbox:
// GET /messages lists what it received (JSON), GET /healthz answers when ready.
import { createServer } from 'node:http';
import { startSmtpCatcher } from '../../tests/support/smtp';
import { MAILBOX_PORT, SMTP_PORT } from './env';

const smtp = await startSmtpCatcher(SMTP_PORT);
createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  if (req.url === '/messages') {
    res.setHeader('content-type', 'application/json');
    return void res.end(JSON.stringify(smtp.received));
  }
  res.statusCode = 404;
  res.end();
}).listen(MAILBOX_PORT, '127.0.0.1');
console.log(`mail catcher: SMTP ${smtp.url}, mailbox http://127.0.0.1:${MAILBOX_PORT}/messages`);
