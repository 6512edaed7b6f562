// The environment the browser tests run the production build with.
export const APP_PORT = 3100;
export const SMTP_PORT = 2526;
export const MAILBOX_PORT = 2527;
export const BASE_URL = `http://127.0.0.1:${APP_PORT}`;
export const MAILBOX_URL = `http://127.0.0.1:${MAILBOX_PORT}`;

export const CURRENT_KEY = 'e2e-current-app-key-0123456789abcdefghijkl';
export const PREVIOUS_KEY = 'e2e-previous-app-key-0123456789abcdefghijk';
export const ADMIN_PASSWORD = 'e2e-admin-password-0123456789abcdefghijk';
export const E2E_DATABASE_FILE = 'data/e2e.db';

export const APP_ENV = {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: `file:./${E2E_DATABASE_FILE}`,
  APP_KEYS: `${CURRENT_KEY},${PREVIOUS_KEY}`,
  ADMIN_PASSWORD,
  PUBLIC_URL: BASE_URL,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  PORT: String(APP_PORT),
};
