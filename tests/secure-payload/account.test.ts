// Account pre-authentication payloads: a 5-minute window (60 s of clock skew ahead), single use
// even when the same payload is re-encoded, and never across integrations.
import { createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeV1, encodeV2, openAccountRequest } from '@/lib/secure-payload';
import { activeKey } from '@/lib/key-store';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { addIntegration, makeMerchantKeys, type MerchantKeys } from '../support/merchant';
import { opts, STORE } from '../support/secure-options';
import { refusal } from './refusal';

const now = new Date('2026-11-26T10:00:00Z');
const at = (offsetMs: number) => ({ account: 'ACC-1', timestamp: now.getTime() + offsetMs });

describe.each(PROVIDERS_UNDER_TEST)('account pre-authentication payloads on %s', (provider) => {
  let test: TestDatabase;
  let merchant: MerchantKeys;
  let accessKey: string;
  const v1 = (body: unknown) => encodeV1(JSON.stringify(body), merchant.privateKeyPem);
  const open = (fields: { securePayload: string; secureKey: string }, key = accessKey, when = now) =>
    openAccountRequest(test.db, { accessKey: key, ...fields }, when, opts);

  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    merchant = makeMerchantKeys();
    accessKey = (await addIntegration(test.db, merchant.certPem, { now })).accessKey;
  });
  afterAll(async () => { merchant?.cleanup(); await test?.close(); });

  it('accepts a timestamp up to 5 minutes old or 60 s ahead, and refuses just outside', async () => {
    await expect(open(v1(at(-300_000)))).resolves.toMatchObject({ payload: { account: 'ACC-1' } });
    await expect(open(v1(at(60_000)))).resolves.toMatchObject({ format: 'v1' });
    expect(await refusal(open(v1(at(-300_001))))).toMatchObject({ code: 'TIMESTAMP_STALE', status: 410 });
    expect(await refusal(open(v1(at(60_001))))).toMatchObject({ code: 'TIMESTAMP_IN_FUTURE', status: 400 });
  });

  it('accepts a payload once: a replay, even re-encrypted under a new AES key, is refused', async () => {
    const body = { accountCustomKey: 'crm-42', timestamp: now.getTime() - 1000 };
    await expect(open(v1(body))).resolves.toMatchObject({ payload: { accountCustomKey: 'crm-42' } });
    expect(await refusal(open(v1(body)))).toMatchObject({ code: 'REPLAYED', status: 409 });
    const spaced = encodeV1(JSON.stringify(body, null, 2), merchant.privateKeyPem);
    expect((await refusal(open(spaced))).code).toBe('REPLAYED');
  });

  it('lets two concurrent uses of one payload through exactly once', async () => {
    const fields = v1(at(-2000));
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => open(fields)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('keeps the same payload usable at another integration: markers are per integration', async () => {
    const other = await addIntegration(test.db, merchant.certPem, { now, name: 'Second shop' });
    const fields = v1(at(-3000));
    await expect(open(fields)).resolves.toMatchObject({ integration: { name: 'Partner site' } });
    await expect(open(fields, other.accessKey)).resolves.toMatchObject({ integration: { name: 'Second shop' } });
  });

  it('takes v2 account payloads once by jti, with the same timestamp window', async () => {
    const storeKey = (await activeKey(test.db, 'payload-encryption', now, STORE.appKeys)).publicJwk;
    const encode = (body: unknown, jti: string) => encodeV2(body, { merchantPrivateKey: createPrivateKey(merchant.privateKeyPem), storeKey, audience: STORE.publicUrl, now, jti });
    const token = await encode(at(-1000), 'login-0001');
    await expect(open(token)).resolves.toMatchObject({ format: 'v2', payload: { account: 'ACC-1' } });
    expect((await refusal(open(token))).code).toBe('REPLAYED');
    expect((await refusal(open(await encode(at(-1000), 'login-0001')))).code).toBe('REPLAYED');
    expect((await refusal(open(await encode(at(-400_000), 'login-0002')))).code).toBe('TIMESTAMP_STALE');
  });

  it('forgets a marker once its payload has expired, so the table does not grow', async () => {
    await open(v1(at(-100)));
    await open(v1({ account: 'ACC-2', timestamp: now.getTime() + 10 * 60_000 }), accessKey, new Date(now.getTime() + 10 * 60_000));
    const left = await test.db.usedNonce.findMany();
    expect(left.every((row) => row.expiresAt.getTime() > now.getTime() + 10 * 60_000)).toBe(true);
  });
});
