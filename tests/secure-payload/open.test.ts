// The decoder on a real database: v1, v2 and test-mode plain payloads are opened for the right
// integration, and each bad input of the issue is refused with its own typed code.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeV1, encodeV2, openCheckoutRequest } from '@/lib/secure-payload';
import { activeKey } from '@/lib/key-store';
import { parseMerchantCertificate, replaceCertificate, setIntegrationEnabled } from '@/lib/integrations';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { addIntegration, makeMerchantKeys, type MerchantKeys } from '../support/merchant';
import { opts, STORE } from '../support/secure-options';
import { refusal } from './refusal';

const now = new Date('2026-11-26T10:00:00Z');
const payload = {
  contact: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
  items: [{ product: 'pop-up-castle', quantity: 2, pricing: { price: { USD: 14.5 }, quantityBehavior: 'lock' } }],
  country: 'us', language: 'DE',
};

describe.each(PROVIDERS_UNDER_TEST)('opening secure checkout requests on %s', (provider) => {
  let test: TestDatabase;
  let merchant: MerchantKeys;
  let live: { id: number; accessKey: string };
  let storeJwk: Awaited<ReturnType<typeof activeKey>>['publicJwk'];
  const open = (securePayload: string, secureKey: string, accessKey = live.accessKey, at = now) =>
    openCheckoutRequest(test.db, { accessKey, securePayload, secureKey }, at, opts);
  const v2 = (body: unknown, extra: Partial<Parameters<typeof encodeV2>[1]> = {}) =>
    encodeV2(body, { merchantPrivateKey: merchantKey(), storeKey: storeJwk, audience: STORE.publicUrl, now, ...extra });
  const merchantKey = () => createPrivateKey(merchant.privateKeyPem);

  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    merchant = makeMerchantKeys();
    live = await addIntegration(test.db, merchant.certPem, { mode: 'live', now });
    storeJwk = (await activeKey(test.db, 'payload-encryption', now, STORE.appKeys)).publicJwk;
  });
  afterAll(async () => { merchant?.cleanup(); await test?.close(); });

  it('opens a v1 payload made as the seed\'s Node snippet makes it, and normalises codes', async () => {
    const { securePayload, secureKey } = encodeV1(JSON.stringify(payload), merchant.privateKeyPem);
    const opened = await open(securePayload, secureKey);
    expect(opened.format).toBe('v1');
    expect(opened.integration).toEqual({ id: live.id, name: 'Partner site', mode: 'live' });
    expect(opened.payload.country).toBe('US');
    expect(opened.payload.language).toBe('de');
    expect(opened.payload.items?.[0].pricing?.price).toEqual({ USD: 14.5 });
  });

  it('accepts v1 base64 without padding and with + turned into spaces by form encoding', async () => {
    let sample = encodeV1(JSON.stringify(payload), merchant.privateKeyPem);
    while (!sample.secureKey.includes('+') || !sample.securePayload.endsWith('=')) sample = encodeV1(JSON.stringify(payload), merchant.privateKeyPem);
    const mangle = (text: string) => text.replace(/=+$/, '').replace(/\+/g, ' ');
    const opened = await open(mangle(sample.securePayload), mangle(sample.secureKey));
    expect(opened.payload.contact?.email).toBe('ada@example.com');
    // A '+' at either end becomes a leading or trailing space: it must survive too.
    let edged = encodeV1(JSON.stringify(payload), merchant.privateKeyPem);
    while (!edged.securePayload.startsWith('+') && !edged.secureKey.startsWith('+')) edged = encodeV1(JSON.stringify(payload), merchant.privateKeyPem);
    await expect(open(`${mangle(edged.securePayload)}\r\n`, `\n${mangle(edged.secureKey)}`)).resolves.toMatchObject({ format: 'v1' });
  });

  it('opens a v2 token with secureKey "v2" or empty, once', async () => {
    const first = await v2(payload);
    expect((await open(first.securePayload, 'v2')).format).toBe('v2');
    expect((await refusal(open(first.securePayload, 'v2'))).code).toBe('REPLAYED');
    const second = await v2(payload);
    expect((await open(second.securePayload, '')).payload.contact?.lastName).toBe('Lovelace');
  });

  it('refuses plain JSON on a live integration and accepts it in test mode', async () => {
    const plain = JSON.stringify(payload);
    expect(await refusal(open(plain, ''))).toMatchObject({ code: 'PLAIN_NOT_ALLOWED', status: 403 });
    const testing = await addIntegration(test.db, null, { mode: 'test', name: 'Sandbox', now });
    const opened = await open(plain, '', testing.accessKey);
    expect(opened).toMatchObject({ format: 'plain', integration: { mode: 'test', name: 'Sandbox' } });
  });

  it('refuses an unknown access key and a disabled integration', async () => {
    const { securePayload, secureKey } = encodeV1(JSON.stringify(payload), merchant.privateKeyPem);
    expect(await refusal(open(securePayload, secureKey, `${live.accessKey}x`))).toMatchObject({ code: 'UNKNOWN_ACCESS_KEY', status: 403 });
    const other = await addIntegration(test.db, merchant.certPem, { now });
    await setIntegrationEnabled(test.db, other.id, false);
    expect((await refusal(open(securePayload, secureKey, other.accessKey))).code).toBe('INTEGRATION_DISABLED');
  });

  it('refuses a payload made with another key (a certificate that does not match)', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const { securePayload, secureKey } = encodeV1(JSON.stringify(payload), stranger);
    expect(await refusal(open(securePayload, secureKey))).toMatchObject({ code: 'KEY_MISMATCH', status: 403 });
    const token = await encodeV2(payload, { merchantPrivateKey: stranger, storeKey: storeJwk, audience: STORE.publicUrl, now });
    expect((await refusal(open(token.securePayload, 'v2'))).code).toBe('KEY_MISMATCH');
  });

  it('keeps a replaced certificate working for its grace period only', async () => {
    const rotating = await addIntegration(test.db, merchant.certPem, { now });
    const next = makeMerchantKeys();
    await replaceCertificate(test.db, rotating.id, parseMerchantCertificate(next.certPem), 2, now);
    const old = encodeV1(JSON.stringify(payload), merchant.privateKeyPem);
    const fresh = encodeV1(JSON.stringify(payload), next.privateKeyPem);
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    await expect(open(old.securePayload, old.secureKey, rotating.accessKey, at(1.9))).resolves.toBeTruthy();
    await expect(open(fresh.securePayload, fresh.secureKey, rotating.accessKey, at(1.9))).resolves.toBeTruthy();
    expect((await refusal(open(old.securePayload, old.secureKey, rotating.accessKey, at(2)))).code).toBe('KEY_MISMATCH');
    await expect(open(fresh.securePayload, fresh.secureKey, rotating.accessKey, at(2))).resolves.toBeTruthy();
    next.cleanup();
  });
});
