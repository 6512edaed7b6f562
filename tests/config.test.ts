import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';

const longKey = 'k'.repeat(32);
const prod = { NODE_ENV: 'production', APP_KEYS: longKey, ADMIN_PASSWORD: 'p'.repeat(32) };
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
