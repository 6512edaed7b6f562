// The "Bad input" list at the decoder: each near miss is refused with its own code,
// a 4xx, a message without cryptographic detail, and no single-use marker written.
import { createCipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, privateEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { CompactEncrypt, SignJWT, UnsecuredJWT, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeV1, encodeV2, openCheckoutRequest } from '@/lib/secure-payload';
import { activeKey } from '@/lib/key-store';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { addIntegration, makeMerchantKeys, type MerchantKeys } from '../support/merchant';
import { opts, STORE } from '../support/secure-options';
import { refusal } from './refusal';

const now = new Date('2026-11-26T10:00:00Z');
const iat = now.getTime() / 1000;
const good = { items: [{ product: 'pop-up-castle', quantity: 1 }] };

function aesEcb(plaintext: Buffer, key: Buffer, pad = true) {
  const cipher = createCipheriv('aes-128-ecb', key, null).setAutoPadding(pad);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]).toString('base64');
}

describe.each(PROVIDERS_UNDER_TEST)('bad secure payloads on %s', (provider) => {
  let test: TestDatabase;
  let merchant: MerchantKeys;
  let privateKey: KeyObject;
  let accessKey: string;
  let storeJwk: JWK;
  const open = (securePayload: string, secureKey: string) => openCheckoutRequest(test.db, { accessKey, securePayload, secureKey }, now, opts);
  const expectRefused = async (promise: Promise<unknown>, code: string) => {
    const result = await refusal(promise);
    expect(result.code).toBe(code);
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(result.message).not.toMatch(/RSA|AES|padding|OAEP|decrypt\b|stack|Error/i);
    return result;
  };
  /** A v2 token built by hand: any claims, any JWS key and alg, any JWE algorithms and kid. */
  async function handMade({ claims = {}, sign = { key: privateKey as KeyObject | Uint8Array, alg: 'RS256' }, jwe = {} as { alg?: string; enc?: string; kid?: string; key?: KeyObject } } = {}) {
    const jwt = sign.alg === 'none'
      ? new UnsecuredJWT({ payload: good, aud: STORE.publicUrl, iat, exp: iat + 300, jti: 'hand-made-1', ...claims }).encode()
      : await new SignJWT({ payload: good, aud: STORE.publicUrl, iat, exp: iat + 300, jti: `hand-${randomBytes(6).toString('hex')}`, ...claims })
        .setProtectedHeader({ alg: sign.alg }).sign(sign.key);
    const alg = jwe.alg ?? 'RSA-OAEP-256';
    const key = jwe.key ?? await importJWK({ ...storeJwk, alg }, alg);
    return new CompactEncrypt(new TextEncoder().encode(jwt))
      .setProtectedHeader({ alg, enc: jwe.enc ?? 'A256GCM', kid: jwe.kid ?? storeJwk.kid }).encrypt(key);
  }

  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    merchant = makeMerchantKeys();
    privateKey = createPrivateKey(merchant.privateKeyPem);
    accessKey = (await addIntegration(test.db, merchant.certPem, { now })).accessKey;
    storeJwk = (await activeKey(test.db, 'payload-encryption', now, STORE.appKeys)).publicJwk;
  });
  afterAll(async () => {
    expect(await test.db.usedNonce.count()).toBe(0);
    merchant?.cleanup();
    await test?.close();
  });

  it('v1: malformed base64 in either field', async () => {
    const { securePayload, secureKey } = encodeV1(JSON.stringify(good), privateKey);
    await expectRefused(open(`${securePayload}!`, secureKey), 'PAYLOAD_MALFORMED');
    await expectRefused(open(securePayload, `*${secureKey}`), 'PAYLOAD_MALFORMED');
    await expectRefused(open(securePayload, `${secureKey.replace(/=+$/, '')}A`), 'PAYLOAD_MALFORMED');
    await expectRefused(open(securePayload.replace(/=+$/, '') + '===', secureKey), 'PAYLOAD_MALFORMED');
  });

  it('v1: a secure key that does not hold exactly 16 bytes', async () => {
    for (const length of [15, 17, 32]) {
      const aesKey = randomBytes(length);
      await expectRefused(open(aesEcb(Buffer.from('{}'), randomBytes(16)), privateEncrypt(privateKey, aesKey).toString('base64')), 'PAYLOAD_MALFORMED');
    }
  });

  it('v1: bad PKCS#7 padding, a cut ciphertext, non-JSON and non-UTF-8 plaintext', async () => {
    const aesKey = randomBytes(16);
    const secureKey = privateEncrypt(privateKey, aesKey).toString('base64');
    await expectRefused(open(aesEcb(Buffer.from('{"coupon":"X"}\0\0'), aesKey, false), secureKey), 'PAYLOAD_MALFORMED');
    await expectRefused(open(aesEcb(Buffer.from(JSON.stringify(good)), aesKey).slice(0, -8), secureKey), 'PAYLOAD_MALFORMED');
    await expectRefused(open(aesEcb(Buffer.from('coupon=X'), aesKey), secureKey), 'PAYLOAD_MALFORMED');
    await expectRefused(open(aesEcb(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), aesKey), secureKey), 'PAYLOAD_MALFORMED');
  });

  it('schema violations: absurd or negative price, quantity out of range, unknown field, bad country', async () => {
    const cases: [unknown, RegExp][] = [
      [{ items: [{ product: 'pop-up-castle', quantity: 1, pricing: { price: { USD: 1_000_000.01 } } }] }, /items\.0\.pricing\.price\.USD/],
      [{ items: [{ product: 'pop-up-castle', quantity: 1, pricing: { price: { EUR: -1 } } }] }, /EUR/],
      [{ items: [{ product: 'pop-up-castle', quantity: 100 }] }, /items\.0\.quantity/],
      [{ items: [{ product: 'pop-up-castle', quantity: 0 }] }, /items\.0\.quantity/],
      [{ items: [{ product: 'Pop Up!', quantity: 1 }] }, /items\.0\.product/],
      [{ coupon: 'X', isAdmin: true }, /payload|isAdmin/],
      [{ country: 'USA' }, /country/],
      [[good], /payload/],
    ];
    for (const [body, field] of cases) {
      const { securePayload, secureKey } = encodeV1(JSON.stringify(body), privateKey);
      const result = await expectRefused(open(securePayload, secureKey), 'PAYLOAD_INVALID');
      expect(result.status).toBe(422);
      expect(result.message).toMatch(field);
    }
  });

  it('v2: expired, wrong audience, too long a lifetime, issued in the future, no jti', async () => {
    await expectRefused(open(await handMade({ claims: { iat: iat - 400, exp: iat - 100 } }), 'v2'), 'PAYLOAD_EXPIRED');
    await expectRefused(open(await handMade({ claims: { aud: 'https://other-shop.example' } }), 'v2'), 'WRONG_AUDIENCE');
    await expectRefused(open(await handMade({ claims: { exp: iat + 601 } }), 'v2'), 'LIFETIME_TOO_LONG');
    await expectRefused(open(await handMade({ claims: { iat: iat + 120, exp: iat + 300 } }), 'v2'), 'TIMESTAMP_IN_FUTURE');
    await expectRefused(open(await handMade({ claims: { jti: undefined } }), 'v2'), 'PAYLOAD_INVALID');
    await expectRefused(open(await handMade({ claims: { nbf: iat + 61 } }), 'v2'), 'TIMESTAMP_IN_FUTURE');
    await expectRefused(open(await handMade({ claims: { iat: iat - 400, exp: iat - 61 } }), 'v2'), 'PAYLOAD_EXPIRED');
    await expect(open(await handMade({ claims: { iat: iat - 400, exp: iat - 59, nbf: iat + 59 } }), 'v2')).resolves.toMatchObject({ format: 'v2' });
    await expect(open(await handMade({ claims: { exp: iat + 600 } }), 'v2')).resolves.toMatchObject({ format: 'v2' });
    await test.db.usedNonce.deleteMany();
  });

  it('v2: every algorithm outside the pinned ones', async () => {
    const pem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' });
    await expectRefused(open(await handMade({ sign: { key: new TextEncoder().encode(String(pem)), alg: 'HS256' } }), 'v2'), 'ALGORITHM_REFUSED');
    await expectRefused(open(await handMade({ sign: { key: privateKey, alg: 'PS256' } }), 'v2'), 'ALGORITHM_REFUSED');
    await expectRefused(open(await handMade({ sign: { key: privateKey, alg: 'none' } }), 'v2'), 'ALGORITHM_REFUSED');
    await expectRefused(open(await handMade({ jwe: { alg: 'RSA-OAEP' } }), 'v2'), 'ALGORITHM_REFUSED');
    await expectRefused(open(await handMade({ jwe: { enc: 'A128GCM' } }), 'v2'), 'ALGORITHM_REFUSED');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    await expectRefused(open(await handMade({ sign: { key: ec, alg: 'ES256' } }), 'v2'), 'ALGORITHM_REFUSED');
  });

  it('v2: a token for another store key, an unknown kid, a tampered ciphertext, a bare JWS', async () => {
    const otherStore = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    await expectRefused(open(await handMade({ jwe: { key: otherStore } }), 'v2'), 'DECRYPTION_FAILED');
    await expectRefused(open(await handMade({ jwe: { kid: 'not-a-store-key' } }), 'v2'), 'DECRYPTION_FAILED');
    const parts = (await handMade()).split('.');
    parts[3] = parts[3].startsWith('A') ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`;
    await expectRefused(open(parts.join('.'), 'v2'), 'DECRYPTION_FAILED');
    const jws = await new SignJWT({ payload: good }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    await expectRefused(open(jws, 'v2'), 'PAYLOAD_MALFORMED');
    await expectRefused(open('a.b.c.d.e', 'v2'), 'PAYLOAD_MALFORMED');
  });

  it('fields that are missing, too long or of the wrong type', async () => {
    const huge = 'A'.repeat(100_001);
    await expectRefused(open(huge, 'x'), 'PAYLOAD_TOO_LARGE');
    await expectRefused(open('', 'x'), 'PAYLOAD_MALFORMED');
    await expectRefused(openCheckoutRequest(test.db, { accessKey: 42, securePayload: 'x', secureKey: '' } as never, now, opts), 'UNKNOWN_ACCESS_KEY');
    await expectRefused(openCheckoutRequest(test.db, { accessKey, securePayload: ['x'], secureKey: '' } as never, now, opts), 'PAYLOAD_MALFORMED');
    const { securePayload } = await encodeV2(good, { merchantPrivateKey: privateKey, storeKey: storeJwk, audience: STORE.publicUrl, now });
    await expectRefused(open(securePayload, 'v3'), 'PAYLOAD_MALFORMED');
    await test.db.usedNonce.deleteMany();
  });
});
