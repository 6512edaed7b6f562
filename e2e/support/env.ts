// The environment the browser tests run the production build with.
// E2E_PORT_OFFSET moves the app, SMTP and fixture ports together, so two checkouts can run
// their browser flows side by side on one machine.
const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const APP_PORT = 3100 + PORT_OFFSET;
export const SMTP_PORT = 2526 + PORT_OFFSET;
export const FIXTURES_PORT = 2527 + PORT_OFFSET;
/** A merchant's own site, on another host name (localhost, not 127.0.0.1), so its posts to the shop are cross-site. */
export const MERCHANT_PORT = 4000 + PORT_OFFSET;
export const MERCHANT_URL = `http://localhost:${MERCHANT_PORT}`;
export const S3_PORT = Number(process.env.S3_PORT ?? 8080);
export const BASE_URL = `http://127.0.0.1:${APP_PORT}`;
export const FIXTURES_URL = `http://127.0.0.1:${FIXTURES_PORT}`;
export const S3_ENDPOINT = `http://127.0.0.1:${S3_PORT}`;
export const S3_CREDENTIALS = { accessKeyId: 'test:tester', secretAccessKey: 'testing' };
export const E2E_STORAGE_DIR = 'data/e2e-files';

/** Deterministic file contents, so a test can compare what the browser saved. */
export const fileBytes = (seed: string, size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed.charCodeAt(i % seed.length)) % 256));

export const EXTERNAL_FILE = { path: '/files/plugin.zip', fileName: 'paper-engineering-plugin.zip', bytes: () => fileBytes('external', 40_000) };

export const CURRENT_KEY = 'e2e-current-app-key-0123456789abcdefghijkl';
export const PREVIOUS_KEY = 'e2e-previous-app-key-0123456789abcdefghijk';
export const ADMIN_PASSWORD = 'e2e-admin-password-0123456789abcdefghijk';
export const E2E_DATABASE_FILE = 'data/e2e.db';
export const E2E_MAX_UPLOAD_BYTES = 2_000_000;

// Two more origins for the content container, served by the fixtures server under two host
// names (an origin includes the host): the first may call the access API, the second may not.
export const PARTNER_ORIGIN = `http://localhost:${FIXTURES_PORT}`;
export const STRANGER_ORIGIN = `http://127.0.0.1:${FIXTURES_PORT}`;

export const APP_ENV = {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: `file:./${E2E_DATABASE_FILE}`,
  APP_KEYS: `${CURRENT_KEY},${PREVIOUS_KEY}`,
  ADMIN_PASSWORD,
  PUBLIC_URL: BASE_URL,
  CONTENT_ALLOWED_ORIGINS: PARTNER_ORIGIN,

  // A plain-http production build on loopback: the one case ALLOW_INSECURE_HTTP is for.
  ALLOW_INSECURE_HTTP: 'true',
  PAYMENT_PROVIDER: 'test',
  // The pseudo-locale `xx` (e2e/pseudo-locale.spec.ts): offered only when asked for, English stays the default.
  PSEUDO_LOCALE: 'true',
  // Webhook endpoints on loopback (e2e/webhooks.spec.ts runs its receiver there).
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  PORT: String(APP_PORT),
  STORAGE_DIR: E2E_STORAGE_DIR,
  MAX_UPLOAD_BYTES: String(E2E_MAX_UPLOAD_BYTES),
  // One proxy in front: tests that need a client of their own send X-Forwarded-For.
  TRUST_PROXY: '1',
  // Every test shops from 127.0.0.1: room for the whole suite, and for the scraper's 2,000 lookups.
  RATE_LIMITS: 'order-lookup=5000/60,checkout=5000/3600,download-token=5000/60,find-orders-per-ip=5000/900,fresh-link-per-ip=5000/900',
  S3_ENDPOINT,
  S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
};

/** Servers a single spec starts for itself (a private PostgreSQL, nginx, a second shop): 4000 + offset + n. */
export const ownPort = (n: number) => 4000 + PORT_OFFSET + n;
