// npm run bench (or npx tsx bench/secure-payload.ts): secure payloads opened per second —
// v1 and v2 decrypt + validate through the shop's decoder, and v1 through openCheckoutRequest on
// SQLite — against raw crypto.publicDecrypt + AES-128-ECB + JSON.parse in the same run.
// Prints figures and ratios; asserts nothing.
import { constants, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicDecrypt, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './support';
import { createDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrate';
import { createIntegration, parseMerchantCertificate, replaceCertificate } from '../lib/integrations';
import { activeKey, privateKeyOf } from '../lib/key-store';
import { checkoutPayloadSchema, decodeFields, encodeV1, encodeV2, openCheckoutRequest, validatePayload } from '../lib/secure-payload';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = 7;
const appKeys = ['bench-key-0123456789abcdefghijklmnopqrstuv'];
const audience = 'https://shop.example';
const payload = {
  contact: { email: 'bench@example.com', firstName: 'Ben', lastName: 'Ch', country: 'DE' },
  items: [{ product: 'pop-up-castle', quantity: 2, pricing: { price: { EUR: 12.5, USD: 14 }, quantityBehavior: 'lock' } }],
  coupon: 'SPRING', country: 'DE', language: 'de',
};

type Case = { name: string; run: () => unknown };

/** Operations per second over `seconds`, after a short warm-up. */
async function rateOf(run: () => unknown, seconds: number): Promise<number> {
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let count = 0;
  while (process.hrtime.bigint() - start < budget) { await run(); count++; }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

/**
 * The cases take turns in ROUNDS short slices and each reports its median, so load from other
 * processes on a shared machine falls on every case alike instead of on whichever ran then.
 */
async function medianRates(cases: Case[]): Promise<Map<string, number>> {
  for (const { run } of cases) for (let i = 0; i < 50; i++) await run();
  const samples = new Map<string, number[]>(cases.map(({ name }) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const { name, run } of cases) samples.get(name)!.push(await rateOf(run, SECONDS / ROUNDS));
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
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

  const BASELINE = 'baseline: raw publicDecrypt + AES-128-ECB + JSON.parse';
  const RAW_V2 = 'baseline: raw v2 (OAEP + AES-256-GCM + RS256 verify)';
  const V2 = 'v2 decrypt + verify + validate (jose + zod)';
  const rates = await medianRates([
    { name: BASELINE, run: () => {
      const aesKey = publicDecrypt(merchantPublic, Buffer.from(v1.secureKey, 'base64'));
      const decipher = createDecipheriv('aes-128-ecb', aesKey, null);
      return JSON.parse(Buffer.concat([decipher.update(Buffer.from(v1.securePayload, 'base64')), decipher.final()]).toString('utf8'));
    } },
    { name: RAW_V2, run: () => rawV2(v2.securePayload, storeKeys[0].key, merchantPublic) },
    { name: 'v1 decrypt + validate (decodeFields + zod)', run: async () => validatePayload(checkoutPayloadSchema, (await decodeFields(fields(v1), context)).body) },
    { name: V2, run: async () => validatePayload(checkoutPayloadSchema, (await decodeFields(fields(v2), context)).body) },
    { name: 'v1 openCheckoutRequest on SQLite (lookup + keys + all)', run: () => openCheckoutRequest(db, fields(v1), now, { publicUrl: audience, appKeys }) },
  ]);
  console.log(`secure payloads: median of ${ROUNDS} interleaved slices, ${SECONDS} s per case; RSA-2048 keys; ${JSON.stringify(payload).length}-byte payload`);
  for (const [name, rate] of rates) console.log(`${name.padEnd(58)} ${rate.toFixed(0).padStart(8)} /s`);
  console.log('\nratio to the raw v1 baseline (1.00 = as fast as raw crypto):');
  for (const [name, rate] of rates) if (!name.startsWith('baseline')) console.log(`${name.padEnd(58)} ${(rate / rates.get(BASELINE)!).toFixed(2).padStart(8)}`);
  console.log(`${'v2 through jose + zod vs raw v2 with node:crypto'.padEnd(58)} ${(rates.get(V2)! / rates.get(RAW_V2)!).toFixed(2).padStart(8)}`);
} finally {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
