import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';

const longKey = 'Zq8vN3xK7pL2mR9tW4yB6cD1fG5hJ0sA';
const prod = { NODE_ENV: 'production', APP_KEYS: longKey, ADMIN_PASSWORD: 'p'.repeat(32), PUBLIC_URL: 'https://shop.example', PAYMENT_PROVIDER: 'manual' };
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'shop-config-'));

describe('configuration', () => {
  it('uses the embedded SQLite database and localhost by default', () => {
    const config = parseConfig({}, tempDir());
    expect(config.databaseUrl).toBe('file:./data/shop.db');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(parseConfig({ PORT: '4000' }, tempDir()).publicUrl).toBe('http://localhost:4000');
  });

  it('generates development secrets once and keeps them, so restarts keep links valid', () => {
    const dir = tempDir();
    const first = parseConfig({}, dir);
    const second = parseConfig({}, dir);
    expect(first.appKeys).toEqual(second.appKeys);
    expect(first.adminPassword).toBe(second.adminPassword);
    expect(readFileSync(path.join(dir, 'app-key'), 'utf8').trim()).toBe(first.appKeys[0]);
  });

  it('stops production start-up on a missing or short key or admin password', () => {
    expect(() => parseConfig({ ...prod, APP_KEYS: undefined }, tempDir())).toThrow(/APP_KEYS must be set/);
    expect(() => parseConfig({ ...prod, APP_KEYS: 'short' }, tempDir())).toThrow(/APP_KEYS must be at least 32/);
    expect(() => parseConfig({ ...prod, APP_KEYS: `${longKey},short` }, tempDir())).toThrow(/every APP_KEYS entry/);
    expect(() => parseConfig({ ...prod, ADMIN_PASSWORD: '' }, tempDir())).toThrow(/ADMIN_PASSWORD must be set/);
    expect(() => parseConfig({ ...prod, ADMIN_PASSWORD: 'hunter2' }, tempDir())).toThrow(ConfigError);
    expect(parseConfig(prod, tempDir()).appKeys).toEqual([longKey]);
  });

  it('reads a key ring from a comma-separated APP_KEYS', () => {
    expect(parseConfig({ APP_KEYS: 'new-key, old-key' }, tempDir()).appKeys).toEqual(['new-key', 'old-key']);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' }, tempDir())).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ PUBLIC_URL: 'not a url' }, tempDir())).toThrow(/PUBLIC_URL/);
    expect(() => parseConfig({ SMTP_URL: 'http://x' }, tempDir())).toThrow(/SMTP_URL/);
    expect(() => parseConfig({ PORT: '70000' }, tempDir())).toThrow(/PORT/);
  });
});

describe('strict production configuration', () => {
  const key = (seed: string) => `${seed}-Zq8vN3xK7pL2mR9tW4yB6cD1fG5hJ0sA`;
  const good = { NODE_ENV: 'production', APP_KEYS: key('a'), ADMIN_PASSWORD: 'p'.repeat(32), PUBLIC_URL: 'https://shop.example', PAYMENT_PROVIDER: 'manual' };

  it('requires an https PUBLIC_URL in production unless ALLOW_INSECURE_HTTP=true', () => {
    expect(parseConfig(good, tempDir()).publicUrl).toBe('https://shop.example');
    expect(() => parseConfig({ ...good, PUBLIC_URL: undefined }, tempDir())).toThrow(/PUBLIC_URL must be set to an https:\/\//);
    expect(() => parseConfig({ ...good, PUBLIC_URL: 'http://shop.example' }, tempDir())).toThrow(/ALLOW_INSECURE_HTTP/);
    expect(parseConfig({ ...good, PUBLIC_URL: 'http://localhost:3000', ALLOW_INSECURE_HTTP: 'true' }, tempDir()).publicUrl).toBe('http://localhost:3000');
    expect(parseConfig({ NODE_ENV: 'development' }, tempDir()).publicUrl).toBe('http://localhost:3000');
  });

  it('refuses empty and duplicate APP_KEYS entries with a clear message', () => {
    expect(() => parseConfig({ ...good, APP_KEYS: `${key('a')},` }, tempDir())).toThrow(/empty entry/);
    expect(() => parseConfig({ ...good, APP_KEYS: `${key('a')},,${key('b')}` }, tempDir())).toThrow(/empty entry/);
    expect(() => parseConfig({ ...good, APP_KEYS: `${key('a')}, ${key('a')}` }, tempDir())).toThrow(/same key twice/);
    expect(() => parseConfig({ APP_KEYS: 'dev-key,dev-key' }, tempDir())).toThrow(/same key twice/);
  });

  it('refuses low-entropy keys in production: long is not enough', () => {
    expect(() => parseConfig({ ...good, APP_KEYS: 'k'.repeat(64) }, tempDir())).toThrow(/16 different characters/);
    expect(() => parseConfig({ ...good, APP_KEYS: 'abcdefabcdefabcdefabcdefabcdefabcdef' }, tempDir())).toThrow(/16 different characters/);
    expect(parseConfig({ ...good, APP_KEYS: `${key('a')},${key('b')}` }, tempDir()).appKeys).toHaveLength(2);
  });

  it('reads TRUST_PROXY as a number of proxies or their addresses', () => {
    expect(parseConfig({ TRUST_PROXY: 'true' }, tempDir()).trustProxy).toEqual({ hops: 1 });
    expect(parseConfig({ TRUST_PROXY: '2' }, tempDir()).trustProxy).toEqual({ hops: 2 });
    expect(parseConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }, tempDir()).trustProxy).toEqual({ addresses: ['10.0.0.1', '10.0.0.2'] });
    expect(() => parseConfig({ TRUST_PROXY: 'yes' }, tempDir())).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.999' }, tempDir())).toThrow(/TRUST_PROXY/);
  });

  it('names bad REDIS_URL, MAX_UPLOAD_BYTES and RATE_LIMITS values', () => {
    expect(() => parseConfig({ REDIS_URL: 'http://x' }, tempDir())).toThrow(/REDIS_URL/);
    expect(() => parseConfig({ MAX_UPLOAD_BYTES: '0' }, tempDir())).toThrow(/MAX_UPLOAD_BYTES/);
    expect(() => parseConfig({ RATE_LIMITS: 'nope' }, tempDir())).toThrow(/RATE_LIMITS/);
  });
});

describe('payment settings', () => {
  const HOUR_MS = 3_600_000;
  const stripe = { PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_51Abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc123' };

  it('pays on the test page in development unless told otherwise, each provider with its own time to pay', () => {
    expect(parseConfig({}, tempDir()).payments).toEqual({ provider: 'test', payWithinMs: 24 * HOUR_MS });
    expect(parseConfig({ PAYMENT_PROVIDER: 'manual' }, tempDir()).payments).toEqual({ provider: 'manual', payWithinMs: 14 * 24 * HOUR_MS });
    expect(parseConfig({ PAYMENT_PROVIDER: 'manual', UNPAID_ORDER_HOURS: '48' }, tempDir()).payments.payWithinMs).toBe(48 * HOUR_MS);
    expect(parseConfig({ ...stripe, STRIPE_API_URL: 'http://127.0.0.1:12111' }, tempDir()).payments).toEqual({
      provider: 'stripe', payWithinMs: 24 * HOUR_MS,
      stripe: { secretKey: 'sk_test_51Abc', webhookSecret: 'whsec_abc123', apiUrl: 'http://127.0.0.1:12111' },
    });
  });

  it('refuses production start-up without PAYMENT_PROVIDER, naming it', () => {
    const withoutProvider = { ...prod, PAYMENT_PROVIDER: undefined };
    expect(() => parseConfig(withoutProvider, tempDir())).toThrow(ConfigError);
    expect(() => parseConfig(withoutProvider, tempDir())).toThrow(/PAYMENT_PROVIDER must be set/);
    expect(() => parseConfig({ ...prod, PAYMENT_PROVIDER: '' }, tempDir())).toThrow(/PAYMENT_PROVIDER/);
    expect(() => parseConfig({ ...prod, PAYMENT_PROVIDER: 'paypal' }, tempDir())).toThrow(/PAYMENT_PROVIDER/);
    expect(parseConfig({ ...prod, PAYMENT_PROVIDER: 'test' }, tempDir()).payments.provider).toBe('test');
  });

  it('refuses Stripe without its secret key or webhook secret', () => {
    expect(() => parseConfig({ ...prod, ...stripe, STRIPE_SECRET_KEY: undefined }, tempDir())).toThrow(/STRIPE_SECRET_KEY must be set/);
    expect(() => parseConfig({ ...prod, ...stripe, STRIPE_WEBHOOK_SECRET: undefined }, tempDir())).toThrow(/STRIPE_WEBHOOK_SECRET must be set/);
    expect(() => parseConfig({ PAYMENT_PROVIDER: 'stripe' }, tempDir())).toThrow(ConfigError);
    expect(parseConfig({ ...prod, ...stripe }, tempDir()).payments.provider).toBe('stripe');
  });

  it('refuses Stripe keys of the wrong form, naming the variable', () => {
    for (const wrong of ['pk_test_51Abc', 'sk_prod_51Abc', 'sk_test_', 'whsec_abc', 'sk_test_ 1']) {
      expect(() => parseConfig({ ...stripe, STRIPE_SECRET_KEY: wrong }, tempDir()), wrong).toThrow(/STRIPE_SECRET_KEY/);
    }
    for (const wrong of ['abc123', 'sk_test_51Abc', 'whsec_']) {
      expect(() => parseConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: wrong }, tempDir()), wrong).toThrow(/STRIPE_WEBHOOK_SECRET/);
    }
    expect(() => parseConfig({ ...stripe, STRIPE_API_URL: 'ftp://stripe.example' }, tempDir())).toThrow(/STRIPE_API_URL/);
    // The near misses: live and restricted keys are keys too.
    expect(parseConfig({ ...stripe, STRIPE_SECRET_KEY: 'sk_live_51Abc' }, tempDir()).payments.stripe?.secretKey).toBe('sk_live_51Abc');
    expect(parseConfig({ ...stripe, STRIPE_SECRET_KEY: 'rk_test_51Abc' }, tempDir()).payments.stripe?.secretKey).toBe('rk_test_51Abc');
  });

  it('refuses more than 24 unpaid hours with Stripe (its sessions end within a day), and a time to pay that is not a number', () => {
    expect(() => parseConfig({ ...stripe, UNPAID_ORDER_HOURS: '25' }, tempDir())).toThrow(/UNPAID_ORDER_HOURS must be at most 24/);
    expect(parseConfig({ ...stripe, UNPAID_ORDER_HOURS: '24' }, tempDir()).payments.payWithinMs).toBe(24 * HOUR_MS);
    expect(parseConfig({ ...stripe, UNPAID_ORDER_HOURS: '0.5' }, tempDir()).payments.payWithinMs).toBe(HOUR_MS / 2);
    expect(() => parseConfig({ UNPAID_ORDER_HOURS: 'soon' }, tempDir())).toThrow(/UNPAID_ORDER_HOURS/);
    expect(() => parseConfig({ UNPAID_ORDER_HOURS: '0' }, tempDir())).toThrow(/UNPAID_ORDER_HOURS/);
  });
});
