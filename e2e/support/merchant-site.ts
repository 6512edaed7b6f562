// A merchant's site for the browser tests: a tiny static server on another origin and site
// (http://localhost:MERCHANT_PORT while the shop is http://127.0.0.1:…) serving pages that
// include the shop's /shop-builder.js, and an integration in the e2e database holding the
// certificate of a key made by the openssl command line.
import { createServer, type Server } from 'node:http';
import { createDb, type Db } from '../../lib/db/client';
import { encodeV1 } from '../../lib/secure-payload';
import { addIntegration, makeMerchantKeys, type MerchantKeys } from '../../tests/support/merchant';
import { BASE_URL, E2E_DATABASE_FILE, MERCHANT_PORT, MERCHANT_URL } from './env';

export interface MerchantSite {
  keys: MerchantKeys;
  db: Db;
  integration: { id: number; accessKey: string };
  /** Serves `html` at `path` and returns its absolute URL. */
  page(path: string, html: string): string;
  encrypt(payload: unknown): { securePayload: string; secureKey: string };
  close(): Promise<void>;
}

const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** A merchant page with a button that calls shopBuilder[call](payload, key), as the seed's "Option 2". */
export function buttonPage(accessKey: string, call: 'secure' | 'authenticate', fields: { securePayload: unknown; secureKey: string }) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Merchant</title>
<script src="${BASE_URL}/shop-builder.js" data-access-key="${accessKey}"></script></head>
<body><h1>Merchant GmbH</h1>
<button id="go" onclick='shopBuilder.${call}(${js(fields.securePayload)}, ${js(fields.secureKey)})'>Go to the shop</button>
</body></html>`;
}

/** The seed's "Option 1": window.shopSession set before the script loads. */
export function sessionPage(accessKey: string, fields: { securePayload: unknown; secureKey: string }) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Merchant</title>
<script>window.shopSession = { secure: { payload: ${js(fields.securePayload)}, key: ${js(fields.secureKey)} } };</script>
<script src="${BASE_URL}/shop-builder.js" data-access-key="${accessKey}"></script></head><body>Redirecting…</body></html>`;
}

export async function startMerchantSite(mode: 'live' | 'test' = 'live', port = MERCHANT_PORT): Promise<MerchantSite> {
  const keys = makeMerchantKeys();
  const db = createDb(`file:./${E2E_DATABASE_FILE}`);
  const integration = await addIntegration(db, keys.certPem, { mode, name: `Merchant ${mode} ${Date.now()}` });
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  return {
    keys, db, integration,
    page(path, html) { pages.set(path, html); return `${MERCHANT_URL.replace(String(MERCHANT_PORT), String(port))}${path}`; },
    encrypt: (payload) => encodeV1(JSON.stringify(payload), keys.privateKeyPem),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.$disconnect();
      keys.cleanup();
    },
  };
}
