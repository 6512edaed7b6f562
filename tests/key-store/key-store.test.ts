// The store's own keys: created once even when several instances race on one database, rotated
// to a new generation with the old one still usable for its grace period, private halves sealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { activeKey, KEY_PURPOSES, KeyUnsealable, privateKeyOf, publishedJwks, rotateKey, usableKeys } from '@/lib/key-store';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

const appKeys = ['key-store-test-key-0123456789abcdefghijkl'];
const now = new Date('2026-11-26T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const grace = KEY_PURPOSES['payload-encryption'].graceMs;

describe.each(PROVIDERS_UNDER_TEST)('the store key store on %s', (provider) => {
  let test: TestDatabase;
  const instances: Db[] = [];
  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    // Separate clients with their own connections stand for separate app instances.
    for (let i = 0; i < 4; i++) instances.push(createDb(test.url));
  });
  afterAll(async () => {
    await Promise.all(instances.map((db) => db.$disconnect()));
    await test?.close();
  });

  it('creates a key on first need exactly once when several instances ask at the same moment', async () => {
    const keys = await Promise.all(instances.flatMap((db) => [activeKey(db, 'content-signing', now, appKeys), activeKey(db, 'content-signing', now, appKeys)]));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(await test.db.storeKey.count({ where: { purpose: 'content-signing' } })).toBe(1);
    expect(keys[0]).toMatchObject({ generation: 1, alg: 'RS256', retiredAt: null, publicJwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid: keys[0].kid } });
  });

  it('agrees on one new generation when instances rotate at once, and keeps the old key usable for the grace period', async () => {
    const first = await activeKey(test.db, 'payload-encryption', now, appKeys);
    const rotated = await Promise.all(instances.map((db) => rotateKey(db, 'payload-encryption', later(1000), appKeys)));
    expect(new Set(rotated.map((key) => key.kid)).size).toBe(1);
    expect(rotated[0].generation).toBe(first.generation + 1);
    expect((await activeKey(test.db, 'payload-encryption', later(2000), appKeys)).kid).toBe(rotated[0].kid);
    const usable = (at: Date) => usableKeys(test.db, 'payload-encryption', at).then((keys) => keys.map((key) => key.kid));
    expect(await usable(later(1000 + grace - 1))).toEqual([rotated[0].kid, first.kid]);
    expect(await usable(later(1000 + grace))).toEqual([rotated[0].kid]);
  });

  it('publishes every usable key with kid, alg and use, and never a private part', async () => {
    const { keys } = await publishedJwks(test.db, later(5000), appKeys);
    // The rotated payload key keeps its predecessor published for the grace period: one key more.
    const expected = [...Object.values(KEY_PURPOSES).map((purpose) => purpose.use), 'enc'].sort();
    expect(keys.map((key) => key.use).sort()).toEqual(expected);
    expect(keys.map((key) => key.use).filter((use) => use === 'sig')).toHaveLength(2);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(JSON.stringify(keys)).not.toMatch(/"d"|"p"|"q"|"dp"/);
  });

  it('keeps private keys sealed: readable with any APP_KEYS entry, not without, not in another row', async () => {
    const [key, other] = await usableKeys(test.db, 'payload-encryption', later(5000));
    const row = await test.db.storeKey.findUniqueOrThrow({ where: { kid: key.kid } });
    expect(row.sealedPrivateKey).not.toMatch(/PRIVATE KEY/);
    expect(Buffer.from(row.sealedPrivateKey.slice(3), 'base64url').includes(Buffer.from(key.publicJwk.n!, 'base64url').subarray(0, 32))).toBe(false);
    expect(privateKeyOf(key, ['a-newer-key-0123456789abcdefghijklmnopq', ...appKeys]).asymmetricKeyType).toBe('rsa');
    const fresh = { ...key, kid: `${key.kid}-uncached` };
    expect(() => privateKeyOf(fresh, ['some-other-key-0123456789abcdefghijklmn'])).toThrow(KeyUnsealable);
    expect(() => privateKeyOf({ ...other, kid: `${other.kid}-x`, sealedPrivateKey: row.sealedPrivateKey }, appKeys)).toThrow(KeyUnsealable);
  });
});
