// Writes docs/specs/secure-payloads.vectors.json: fixed keys (made by openssl), fixed AES bytes,
// and what the decoder must answer for each vector. Run once; the committed file is the contract.
// Usage: npx tsx scripts/secure-payload/make-vectors.ts
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, privateEncrypt, createCipheriv } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { encodeV1, encodeV2 } from '../../lib/secure-payload';

const dir = mkdtempSync(path.join(tmpdir(), 'vectors-'));
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir });
openssl('genrsa', '-out', 'privatekey.pem', '2048');
openssl('req', '-new', '-key', 'privatekey.pem', '-x509', '-days', '3650', '-out', 'publiccert.pem', '-subj', '/C=DE/O=Vector Merchant/CN=vectors.example', '-set_serial', '1');
const merchantPrivatePem = readFileSync(path.join(dir, 'privatekey.pem'), 'utf8');
const merchantCertPem = readFileSync(path.join(dir, 'publiccert.pem'), 'utf8');
rmSync(dir, { recursive: true, force: true });
const merchantKey = createPrivateKey(merchantPrivatePem);

const store = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicJwk = store.publicKey.export({ format: 'jwk' }) as JWK;
const kid = await calculateJwkThumbprint(publicJwk);
const storePublicJwk = { ...publicJwk, kid, alg: 'RSA-OAEP-256', use: 'enc' };

const audience = 'https://shop.example';
const now = Date.UTC(2026, 10, 26, 12, 0, 0);
const aesKey = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const cek = Buffer.from('a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf', 'hex');
const iv = Buffer.from('c0c1c2c3c4c5c6c7c8c9cacb', 'hex');
const checkout = {
  contact: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', country: 'GB' },
  items: [{ product: 'pop-up-castle', quantity: 2, pricing: { price: { USD: 14.5, EUR: 12.5 }, quantityBehavior: 'lock' } }],
  coupon: 'SPRING', country: 'US', language: 'de',
};
const json = JSON.stringify(checkout);
const v1 = encodeV1(json, merchantKey, aesKey);
const v2Options = { merchantPrivateKey: merchantKey, storeKey: storePublicJwk, audience, now: new Date(now), jti: 'vector-jti-0001', fixed: { cek, iv } };
const v2 = await encodeV2(checkout, v2Options);
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const aes = (text: string, pad = true) => {
  const cipher = createCipheriv('aes-128-ecb', aesKey, null).setAutoPadding(pad);
  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
};
const flipLastBlock = (b64: string) => { const bytes = Buffer.from(b64, 'base64'); bytes[bytes.length - 1] ^= 0x01; return bytes.toString('base64'); };

type Vector = { name: string; kind?: 'checkout' | 'account'; mode?: 'live' | 'test'; securePayload: string; secureKey: string; expected: string; format?: string; payload?: unknown };
const vectors: Vector[] = [
  { name: 'v1 valid', format: 'v1', securePayload: v1.securePayload, secureKey: v1.secureKey, expected: 'valid', payload: checkout },
  { name: 'v1 without padding, + as space', format: 'v1', securePayload: v1.securePayload.replace(/=+$/, '').replace(/\+/g, ' '), secureKey: v1.secureKey.replace(/=+$/, '').replace(/\+/g, ' '), expected: 'valid', payload: checkout },
  { name: 'v1 account', kind: 'account', format: 'v1', ...encodeV1(JSON.stringify({ account: 'ACC-1', timestamp: now }), merchantKey, aesKey), expected: 'valid', payload: { account: 'ACC-1', timestamp: now } },
  { name: 'v1 made with another private key', ...encodeV1(json, stranger, aesKey), expected: 'KEY_MISMATCH' },
  { name: 'v1 last ciphertext byte flipped (bad padding)', securePayload: flipLastBlock(v1.securePayload), secureKey: v1.secureKey, expected: 'PAYLOAD_MALFORMED' },
  { name: 'v1 not base64', securePayload: `${v1.securePayload}%`, secureKey: v1.secureKey, expected: 'PAYLOAD_MALFORMED' },
  { name: 'v1 secureKey holds 32 bytes', securePayload: v1.securePayload, secureKey: privateEncrypt(merchantKey, Buffer.concat([aesKey, aesKey])).toString('base64'), expected: 'PAYLOAD_MALFORMED' },
  { name: 'v1 plaintext is not JSON', securePayload: aes('coupon=SPRING'), secureKey: v1.secureKey, expected: 'PAYLOAD_MALFORMED' },
  { name: 'v1 price above 1,000,000', securePayload: aes(JSON.stringify({ items: [{ product: 'pop-up-castle', quantity: 1, pricing: { price: { USD: 1000000.01 } } }] })), secureKey: v1.secureKey, expected: 'PAYLOAD_INVALID' },
  { name: 'v2 valid', format: 'v2', securePayload: v2.securePayload, secureKey: 'v2', expected: 'valid', payload: checkout },
  { name: 'v2 with empty secureKey', format: 'v2', securePayload: v2.securePayload, secureKey: '', expected: 'valid', payload: checkout },
  { name: 'v2 for another audience', securePayload: (await encodeV2(checkout, { ...v2Options, audience: 'https://other.example' })).securePayload, secureKey: 'v2', expected: 'WRONG_AUDIENCE' },
  { name: 'v2 expired', securePayload: (await encodeV2(checkout, { ...v2Options, now: new Date(now - 700_000) })).securePayload, secureKey: 'v2', expected: 'PAYLOAD_EXPIRED' },
  { name: 'v2 lifetime over 600 s', securePayload: (await encodeV2(checkout, { ...v2Options, lifetimeSeconds: 601 })).securePayload, secureKey: 'v2', expected: 'LIFETIME_TOO_LONG' },
  { name: 'plain JSON to a live integration', mode: 'live', securePayload: json, secureKey: '', expected: 'PLAIN_NOT_ALLOWED' },
  { name: 'plain JSON to a test integration', mode: 'test', format: 'plain', securePayload: json, secureKey: '', expected: 'valid', payload: checkout },
];

const file = {
  audience,
  now_ms: now,
  merchant_private_key_pem: merchantPrivatePem,
  merchant_certificate_pem: merchantCertPem,
  store_private_key_pem: store.privateKey.export({ format: 'pem', type: 'pkcs8' }),
  store_public_jwk: storePublicJwk,
  v1_aes_key_hex: aesKey.toString('hex'),
  v2_cek_hex: cek.toString('hex'),
  v2_iv_hex: iv.toString('hex'),
  v2_jti: v2Options.jti,
  vectors: vectors.map(({ kind = 'checkout', mode = 'live', ...rest }) => ({ kind, mode, ...rest })),
};
writeFileSync('docs/specs/secure-payloads.vectors.json', `${JSON.stringify(file, null, 2)}\n`);
console.log(`wrote ${vectors.length} vectors; merchant key ${createPublicKey(merchantKey).asymmetricKeyDetails?.modulusLength} bits`);
