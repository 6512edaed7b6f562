// npm run bench (or npx tsx bench/secure-payload.ts): secure payloads opened per second —
// v1 and v2 decrypt + validate through the shop's decoder, and v1 through openCheckoutRequest on
// SQLite — against raw crypto.publicDecrypt + AES-128-ECB + JSON.parse in the same run.
// Prints figures and ratios; asserts nothing.
import { constants, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicDecrypt, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrate';
import { createIntegration, parseMerchantCertificate, replaceCertificate } from '../lib/integrations';
import { activeKey, privateKeyOf } from '../lib/key-store';
import { checkoutPayloadSchema, decodeFields, encodeV1, encodeV2, openCheckoutRequest, validatePayload } from '../lib/secure-payload';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const appKeys = ['bench-key-0123456789abcdefghijklmnopqrstuv'];
const audience = 'https://shop.example';
const payload = {
  contact: { email: 'bench@example.com', firstName: 'Ben', lastName: 'Ch', country: 'DE' },
  items: [{ product: 'pop-up-castle', quantity: 2, pricing: { price: { EUR: 12.5, USD: 14 }, quantityBehavior: 'lock' } }],
  coupon: 'SPRING', country: 'DE', language: 'de',
};

async function perSecond(name: string, run: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < 50; i++) await run(i); // warm-up
  const start = process.hrtime.bigint();
  const budget = BigInt(SECONDS * 1e9);
  let count = 0;
  while (process.hrtime.bigint() - start < budget) await run(50 + count++);
  const rate = count / (Number(process.hrtime.bigint() - start) / 1e9);
  console.log(`${name.padEnd(58)} ${rate.toFixed(0).padStart(8)} /s`);
  return rate;
}

/** v2 by hand with node:crypto only (no checks beyond the crypto): the floor jose + zod stand on. */
function rawV2(token: string, storeKey: KeyObject, merchantKey: KeyObject) {
  const [header, encryptedKey, iv, ciphertext, tag] = token.split('.').map((part, i) => (i === 0 ? part : Buffer.from(part, 'base64url'))) as [string, Buffer, Buffer, Buffer, Buffer];
  const cek = privateDecrypt({ key: storeKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, encryptedKey);
  const decipher = createDecipheriv('aes-256-gcm', cek, iv).setAAD(Buffer.from(header, 'ascii')).setAuthTag(tag);
  const [jwtHeader, claims, signature] = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8').split('.');
  if (!verify('sha256', Buffer.from(`${jwtHeader}.${claims}`), merchantKey, Buffer.from(signature, 'base64url'))) throw new Error('bad signature');
  return JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-secure-'));
const url = `file:${path.join(dir, 'bench.db')}`;
await applyMigrations(url);
const db = createDb(url);
try {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantPublic = createPublicKey(merchant.privateKey);
  const integration = await createIntegration(db, { name: 'bench', mode: 'live' }, new Date());
  const spki = merchantPublic.export({ format: 'pem', type: 'spki' }).toString();
  await replaceCertificate(db, integration.id, parseMerchantCertificate(spki), 24, new Date());
  const store = await activeKey(db, 'payload-encryption', new Date(), appKeys);
  const storeKeys = [{ kid: store.kid, key: privateKeyOf(store, appKeys) }];
  const now = new Date();
  const v1 = encodeV1(JSON.stringify(payload), merchant.privateKey);
  const v2 = await encodeV2(payload, { merchantPrivateKey: createPrivateKey(merchant.privateKey.export({ format: 'pem', type: 'pkcs8' })), storeKey: store.publicJwk, audience, now });
  const context = { mode: 'live' as const, merchantKeys: [merchantPublic], storeKeys: async () => storeKeys, audience, now };
  const fields = (f: { securePayload: string; secureKey: string }) => ({ accessKey: integration.accessKey, ...f });

  console.log(`secure payloads, ${SECONDS} s per case, RSA-2048 merchant and store keys, ${JSON.stringify(payload).length}-byte payload`);
  const baseline = await perSecond('baseline: raw publicDecrypt + AES-128-ECB + JSON.parse', () => {
    const aesKey = publicDecrypt(merchantPublic, Buffer.from(v1.secureKey, 'base64'));
    const decipher = createDecipheriv('aes-128-ecb', aesKey, null);
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(v1.securePayload, 'base64')), decipher.final()]).toString('utf8'));
  });
  const rawV2Rate = await perSecond('baseline: raw v2 (OAEP + AES-256-GCM + RS256 verify)', () => rawV2(v2.securePayload, storeKeys[0].key, merchantPublic));
  const results = {
    'v1 decrypt + validate (decodeFields + zod)': await perSecond('v1 decrypt + validate (decodeFields + zod)', async () =>
      validatePayload(checkoutPayloadSchema, (await decodeFields(fields(v1), context)).body)),
    'v2 decrypt + verify + validate (jose + zod)': await perSecond('v2 decrypt + verify + validate (jose + zod)', async () =>
      validatePayload(checkoutPayloadSchema, (await decodeFields(fields(v2), context)).body)),
    'v1 openCheckoutRequest on SQLite (lookup + keys + all)': await perSecond('v1 openCheckoutRequest on SQLite (lookup + keys + all)', () =>
      openCheckoutRequest(db, fields(v1), now, { publicUrl: audience, appKeys })),
  };
  console.log('\nratio to the raw baseline (1.00 = as fast as raw crypto):');
  for (const [name, rate] of Object.entries(results)) console.log(`${name.padEnd(58)} ${(rate / baseline).toFixed(2).padStart(8)}`);
  const v2Rate = results['v2 decrypt + verify + validate (jose + zod)'];
  console.log(`${'v2 through jose + zod vs raw v2 with node:crypto'.padEnd(58)} ${(v2Rate / rawV2Rate).toFixed(2).padStart(8)}`);
} finally {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
