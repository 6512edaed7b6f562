// Interoperability with the tools merchants really use, on the real decoder and database:
// keys from `openssl genrsa` / `openssl req -x509`, the payload from `openssl enc -aes-128-ecb`,
// the key from `openssl pkeyutl -sign`, and FastSpring's own Node snippet. And the reverse:
// openssl opens what our merchant tooling (encodeV1) makes.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeV1, openAccountRequest, openCheckoutRequest } from '@/lib/secure-payload';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { addIntegration, makeMerchantKeys, openssl, writeTemp, type MerchantKeys } from '../support/merchant';
import { opts } from '../support/secure-options';

const fastSpringEncrypt = createRequire(import.meta.url)('../fixtures/fastspring-encrypt.cjs') as (payload: string, privateKey: string) => { securePayload: string; secureKey: string };
const now = new Date();
const payload = {
  contact: { email: 'juergen@example.de', firstName: 'Jürgen', lastName: 'Groß', country: 'DE' },
  items: [{ product: 'pop-up-castle', quantity: 1, pricing: { price: { EUR: 12.5 } } }],
  coupon: 'SPRING', country: 'DE', language: 'de',
};

describe.each(PROVIDERS_UNDER_TEST)('openssl and FastSpring interoperability on %s', (provider) => {
  let test: TestDatabase;
  let merchant: MerchantKeys;
  let accessKey: string;

  /** securePayload with `openssl enc`, secureKey with `openssl pkeyutl -sign`, exactly as a shell script would. */
  function opensslEncrypt(json: string, { wrapLines = false } = {}) {
    const aesKey = randomBytes(16);
    const input = writeTemp(merchant.dir, 'payload.json', json);
    const keyFile = writeTemp(merchant.dir, 'aes.key', aesKey);
    const securePayload = openssl(['enc', '-aes-128-ecb', '-K', aesKey.toString('hex'), '-in', input, '-base64', ...(wrapLines ? [] : ['-A'])]).toString();
    const secureKey = openssl(['pkeyutl', '-sign', '-inkey', merchant.privateKeyPath, '-in', keyFile]).toString('base64');
    return { securePayload, secureKey };
  }

  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    merchant = makeMerchantKeys();
    accessKey = (await addIntegration(test.db, merchant.certPem, { now })).accessKey;
  });
  afterAll(async () => { merchant?.cleanup(); await test?.close(); });

  it('accepts a payload encrypted by openssl enc and a key signed by openssl pkeyutl', async () => {
    const opened = await openCheckoutRequest(test.db, { accessKey, ...opensslEncrypt(JSON.stringify(payload)) }, now, opts);
    expect(opened.format).toBe('v1');
    expect(opened.payload).toEqual({ ...payload, contact: { ...payload.contact } });
  });

  it('accepts openssl\'s line-wrapped base64 for a long payload', async () => {
    const long = { ...payload, recipient: { name: 'Grete', email: 'grete@example.de', message: 'Alles Gute! '.repeat(40).trim(),
      address: { addressLine1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' } } };
    const fields = opensslEncrypt(JSON.stringify(long), { wrapLines: true });
    expect(fields.securePayload.trim().split('\n').length).toBeGreaterThan(5);
    const opened = await openCheckoutRequest(test.db, { accessKey, ...fields }, now, opts);
    expect(opened.payload.recipient?.message).toBe(long.recipient.message);
  });

  it('accepts FastSpring\'s own Node snippet, for checkout and account payloads', async () => {
    const checkout = fastSpringEncrypt(JSON.stringify(payload), merchant.privateKeyPem);
    expect((await openCheckoutRequest(test.db, { accessKey, ...checkout }, now, opts)).payload.contact?.firstName).toBe('Jürgen');
    const account = fastSpringEncrypt(JSON.stringify({ account: 'ACC-7', timestamp: now.getTime() }), merchant.privateKeyPem);
    expect((await openAccountRequest(test.db, { accessKey, ...account }, now, opts)).payload).toEqual({ account: 'ACC-7', timestamp: now.getTime() });
  });

  it('makes with encodeV1 what openssl opens with the certificate alone', () => {
    const aesKey = randomBytes(16);
    const { securePayload, secureKey } = encodeV1(JSON.stringify(payload), merchant.privateKeyPem, aesKey);
    const certFile = writeTemp(merchant.dir, 'publiccert.pem', merchant.certPem);
    const keyFile = writeTemp(merchant.dir, 'secure.key', Buffer.from(secureKey, 'base64'));
    const recovered = openssl(['pkeyutl', '-verifyrecover', '-certin', '-inkey', certFile, '-in', keyFile]);
    expect(recovered.equals(aesKey)).toBe(true);
    const plain = openssl(['enc', '-d', '-aes-128-ecb', '-K', recovered.toString('hex'), '-base64', '-A'], securePayload);
    expect(JSON.parse(plain.toString('utf8'))).toEqual(payload);
  });
});
