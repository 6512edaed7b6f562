// v2 with every merchant key type the issue names (keys made by openssl), and across a rotation
// of the store's encryption key: a token to the old key opens during the grace period only.
import { createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeV1, encodeV2, openCheckoutRequest } from '@/lib/secure-payload';
import { activeKey, KEY_PURPOSES, rotateKey } from '@/lib/key-store';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { addIntegration, makeMerchantKeys, openssl, writeTemp, type MerchantKeys } from '../support/merchant';
import { opts, STORE } from '../support/secure-options';
import { refusal } from './refusal';

const now = new Date('2026-11-26T10:00:00Z');
const body = { items: [{ product: 'pop-up-castle', quantity: 3 }], language: 'de' };

describe.each(PROVIDERS_UNDER_TEST)('v2 merchant keys and store key rotation on %s', (provider) => {
  let test: TestDatabase;
  let merchant: MerchantKeys;
  const open = (accessKey: string, securePayload: string, at = now) => openCheckoutRequest(test.db, { accessKey, securePayload, secureKey: 'v2' }, at, opts);
  const storeKey = async () => (await activeKey(test.db, 'payload-encryption', now, STORE.appKeys)).publicJwk;

  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    merchant = makeMerchantKeys();
  });
  afterAll(async () => { merchant?.cleanup(); await test?.close(); });

  it('signs with ES256 for an EC P-256 certificate from openssl req -x509, which cannot do v1', async () => {
    const keyFile = writeTemp(merchant.dir, 'ec.pem', openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout']));
    const cert = openssl(['req', '-new', '-key', keyFile, '-x509', '-days', '365', '-subj', '/CN=ec-merchant.example']).toString();
    const { accessKey } = await addIntegration(test.db, cert, { now });
    const merchantPrivateKey = createPrivateKey(openssl(['pkey', '-in', keyFile]).toString());
    const token = await encodeV2(body, { merchantPrivateKey, storeKey: await storeKey(), audience: STORE.publicUrl, now });
    expect(await open(accessKey, token.securePayload)).toMatchObject({ format: 'v2', payload: body });
    const rsaFields = encodeV1(JSON.stringify(body), merchant.privateKeyPem);
    expect((await refusal(openCheckoutRequest(test.db, { accessKey, ...rsaFields }, now, opts))).code).toBe('KEY_MISMATCH');
  });

  it('signs with EdDSA for an Ed25519 SPKI public key', async () => {
    const keyFile = writeTemp(merchant.dir, 'ed.pem', openssl(['genpkey', '-algorithm', 'ed25519']));
    const { accessKey } = await addIntegration(test.db, openssl(['pkey', '-in', keyFile, '-pubout']).toString(), { now });
    const token = await encodeV2(body, { merchantPrivateKey: createPrivateKey(openssl(['pkey', '-in', keyFile]).toString()), storeKey: await storeKey(), audience: STORE.publicUrl, now });
    expect((await open(accessKey, token.securePayload)).payload).toEqual(body);
  });

  it('opens a token made for the previous store key during the grace period, then refuses it', async () => {
    const { accessKey } = await addIntegration(test.db, merchant.certPem, { now });
    const merchantPrivateKey = createPrivateKey(merchant.privateKeyPem);
    const old = await storeKey();
    await rotateKey(test.db, 'payload-encryption', new Date(now.getTime() + 1000), STORE.appKeys);
    const grace = KEY_PURPOSES['payload-encryption'].graceMs;
    const make = async (at: Date) => (await encodeV2(body, { merchantPrivateKey, storeKey: old, audience: STORE.publicUrl, now: at })).securePayload;
    const late = new Date(now.getTime() + grace - 60_000);
    await expect(open(accessKey, await make(late), late)).resolves.toMatchObject({ format: 'v2' });
    const after = new Date(now.getTime() + grace + 2000);
    expect((await refusal(open(accessKey, await make(after), after))).code).toBe('DECRYPTION_FAILED');
    const fresh = (await activeKey(test.db, 'payload-encryption', after, STORE.appKeys)).publicJwk;
    expect(fresh.kid).not.toBe(old.kid);
    const token = await encodeV2(body, { merchantPrivateKey, storeKey: fresh, audience: STORE.publicUrl, now: after });
    await expect(open(accessKey, token.securePayload, after)).resolves.toMatchObject({ payload: body });
  });
});
