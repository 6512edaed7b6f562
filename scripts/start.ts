// npm start: checks the production settings, then serves the built shop. The
// download endpoint is answered here before Next's router: it is the shop's hot path,
// sets its own headers and needs no page machinery (bench/download-hot-path.ts
// measured Next's routing as most of its cost). Every other request goes to Next,
// exactly as under `next start`.
import { createServer } from 'node:http';
import { ConfigError } from '../lib/config';
import { driverOf } from '../lib/db/client';
import { sqliteFilePath } from '../lib/db/sqlite';
import { checkpointInBackground } from '../lib/db/sqlite-checkpoints';
import { downloadSlugOf, handleDownload } from '../lib/server/download-handler';
import { db, shop, type Shop } from '../lib/server/shop';

function option(names: string[]): string | undefined {
  const at = process.argv.findIndex((arg) => names.includes(arg));
  return at >= 0 ? process.argv[at + 1] : undefined;
}

// Next reads NODE_ENV when it loads: set before it is imported.
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
// The configuration is read here, once, for this process: Next's pages share this Shop (lib/server/shop.ts).
let settings: Shop['settings'];
try {
  settings = shop().settings;
  console.log(`config ok: database ${settings.databaseUrl.split(':')[0]}, public URL ${settings.publicUrl}, mail ${settings.smtpUrl ? 'SMTP' : 'outbox only'}`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const portText = option(['-p', '--port']) ?? process.env.PORT ?? '3000';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`the port must be a number from 0 to 65535 (-p or PORT), not "${portText}"`);
  process.exit(1);
}
// Like `next start`: every interface unless -H names one.
const hostname = option(['-H', '--hostname']);
// A long-running server takes its SQLite checkpoints off the event loop.
const driver = driverOf(db());
const sqliteFile = sqliteFilePath(settings.databaseUrl);
if (driver.provider === 'sqlite' && sqliteFile !== ':memory:') checkpointInBackground((await driver.connection()).client, sqliteFile);

const { default: next } = await import('next');
const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
const nextHandler = app.getRequestHandler();
await app.prepare();

const failed = (res: import('node:http').ServerResponse) => (error: unknown) => {
  console.error('[server] request failed:', error);
  res.destroy();
};

const server = createServer((req, res) => {
  const slug = downloadSlugOf(req.url ?? '');
  const handled = slug === null ? nextHandler(req, res) : handleDownload(req, res, slug);
  handled.catch(failed(res));
});
// Next logs uncaught exceptions and carries on: a port in use must stop start-up instead, as under next start.
server.on('error', (error) => {
  console.error(`the shop cannot listen on ${hostname ?? '*'}:${port}:`, error.message);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`shop ready on http://${hostname ?? 'localhost'}:${port}`));

// As `next start` does: stop accepting, let Next clean up, exit with the signal's code.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    server.close();
    void app.close().catch(console.error).finally(() => process.exit(code));
  });
}
