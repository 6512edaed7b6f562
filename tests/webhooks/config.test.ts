// Where webhooks may go is configuration, read once: https only in production (unless the
// production build runs as a local trial on http), private addresses only when asked for, and a
// misspelt value stops start-up instead of surfacing at the first send.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'shop-webhook-config-'));
const PRODUCTION = {
  NODE_ENV: 'production', APP_KEYS: 'prod-key-0123456789abcdefghijklmnopqrstuvwxyzAB', ADMIN_PASSWORD: 'x'.repeat(40),
  PUBLIC_URL: 'https://shop.example', PAYMENT_PROVIDER: 'manual',
};

describe('webhook targets in the configuration', () => {
  it('allows plain http and refuses private addresses by default outside production', () => {
    expect(parseConfig({}, tempDir()).webhookTargets).toEqual({ httpsOnly: false, allowPrivate: false });
  });

  it('wants https in production, except on a local trial over plain http', () => {
    expect(parseConfig(PRODUCTION, tempDir()).webhookTargets).toEqual({ httpsOnly: true, allowPrivate: false });
    expect(parseConfig({ ...PRODUCTION, PUBLIC_URL: 'http://127.0.0.1:3000', ALLOW_INSECURE_HTTP: 'true' }, tempDir()).webhookTargets.httpsOnly).toBe(false);
  });

  it('allows private targets only with WEBHOOK_ALLOW_PRIVATE_TARGETS=true, and refuses a misspelt value at start-up', () => {
    expect(parseConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }, tempDir()).webhookTargets.allowPrivate).toBe(true);
    expect(() => parseConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' }, tempDir())).toThrow(ConfigError);
    expect(() => parseConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' }, tempDir())).toThrow(/WEBHOOK_ALLOW_PRIVATE_TARGETS/);
  });
});
