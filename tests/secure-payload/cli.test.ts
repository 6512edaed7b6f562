// The command-line tools as a merchant and an operator run them: `npm run payload` output opens
// on the real decoder (v2 with the JWKS from a file or from a live URL), `npm run keys -- rotate`
// adds a generation in the database DATABASE_URL names.
import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountRequest, openCheckoutRequest } from '@/lib/secure-payload';
import { KeyUnsealable, publishedJwks, usableKeys } from '@/lib/key-store';
import { unsealPrivateKey } from '@/lib/key-store/seal';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { addIntegration, makeMerchantKeys, writeTemp, type MerchantKeys } from '../support/merchant';
import { opts, STORE } from '../support/secure-options';

const run = promisify(execFile);
const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  run('node_modules/.bin/tsx', [script, ...args], { env: { ...process.env, APP_KEYS: STORE.appKeys.join(','), ...env } });
/** The first free port of this worktree's range: another test run may hold one. */
async function listenInRange(server: Server, from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}
const checkout = { contact: { email: 'cli@example.com', firstName: 'Cli', lastName: 'User' }, items: [{ product: 'pop-up-castle', quantity: 1 }] };

describe.each(PROVIDERS_UNDER_TEST)('merchant and operator command lines on %s', (provider) => {
  let test: TestDatabase;
  let merchant: MerchantKeys;
  let accessKey: string;
  let server: Server | undefined;
  const payload = (args: string[]) => tsx('scripts/payload.ts', args).then(({ stdout }) => JSON.parse(stdout));

  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    merchant = makeMerchantKeys();
    accessKey = (await addIntegration(test.db, merchant.certPem)).accessKey;
  });
  afterAll(async () => {
    server?.close();
    merchant?.cleanup();
    await test?.close();
  });

  it('encrypt --format v1 prints two strings the store opens', async () => {
    const input = writeTemp(merchant.dir, 'payload.json', JSON.stringify(checkout));
    const fields = await payload(['encrypt', '--format', 'v1', '--key', merchant.privateKeyPath, '--in', input]);
    expect(Object.keys(fields)).toEqual(['securePayload', 'secureKey']);
    expect((await openCheckoutRequest(test.db, { accessKey, ...fields }, new Date(), opts)).payload).toEqual(checkout);
  });

  it('authenticate --format v2 with the JWKS from a file stamps the time of the sign-in', async () => {
    const jwks = writeTemp(merchant.dir, 'jwks.json', JSON.stringify(await publishedJwks(test.db, new Date(), STORE.appKeys)));
    const input = writeTemp(merchant.dir, 'login.json', JSON.stringify({ accountCustomKey: 'crm-9' }));
    const fields = await payload(['authenticate', '--format', 'v2', '--key', merchant.privateKeyPath, '--in', input, '--store-jwks', jwks, '--audience', STORE.publicUrl]);
    expect(fields.secureKey).toBe('v2');
    const opened = await openAccountRequest(test.db, { accessKey, ...fields }, new Date(), opts);
    expect(opened.payload).toMatchObject({ accountCustomKey: 'crm-9' });
    expect(Math.abs((opened.payload.timestamp) - Date.now())).toBeLessThan(60_000);
  });

  it('encrypt --format v2 fetches the JWKS from the store and takes its origin as the audience', async () => {
    const body = JSON.stringify(await publishedJwks(test.db, new Date(), STORE.appKeys));
    server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    const port = await listenInRange(server, 4150, 4199);
    const input = writeTemp(merchant.dir, 'payload.json', JSON.stringify(checkout));
    const fields = await payload(['encrypt', '--format', 'v2', '--key', merchant.privateKeyPath, '--in', input, '--store-jwks', `http://127.0.0.1:${port}/.well-known/jwks.json`]);
    const publicUrl = `http://127.0.0.1:${port}`;
    expect((await openCheckoutRequest(test.db, { accessKey, ...fields }, new Date(), { ...opts, publicUrl })).format).toBe('v2');
  });

  it('takes the store key as a public-key PEM file too, naming it by the same kid', async () => {
    const [active] = await usableKeys(test.db, 'payload-encryption', new Date());
    const pem = writeTemp(merchant.dir, 'store.pem', createPublicKey({ key: active.publicJwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }));
    const input = writeTemp(merchant.dir, 'payload.json', JSON.stringify(checkout));
    const fields = await payload(['encrypt', '--format', 'v2', '--key', merchant.privateKeyPath, '--in', input, '--store-jwks', pem, '--audience', STORE.publicUrl]);
    expect(JSON.parse(Buffer.from(fields.securePayload.split('.')[0], 'base64url').toString()).kid).toBe(active.kid);
    expect((await openCheckoutRequest(test.db, { accessKey, ...fields }, new Date(), opts)).payload).toEqual(checkout);
  });

  it('refuses an invalid payload file before encrypting, with the field named', async () => {
    const input = writeTemp(merchant.dir, 'bad.json', JSON.stringify({ items: [{ product: 'pop-up-castle', quantity: 500 }] }));
    const failure = await payload(['encrypt', '--format', 'v1', '--key', merchant.privateKeyPath, '--in', input]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/items\.0\.quantity/);
  });

  it('npm run keys -- rotate adds a generation that the store uses next', async () => {
    const before = await usableKeys(test.db, 'payload-encryption', new Date());
    const { stdout } = await tsx('scripts/keys.ts', ['rotate', 'payload-encryption'], { DATABASE_URL: test.url });
    const after = await usableKeys(test.db, 'payload-encryption', new Date());
    expect(after).toHaveLength(before.length + 1);
    expect(after[0].generation).toBe(before[0].generation + 1);
    expect(stdout).toContain(after[0].kid);
    const refused = await tsx('scripts/keys.ts', ['rotate', 'everything'], { DATABASE_URL: test.url }).catch((e) => e);
    expect(refused.code).toBe(2);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/usage: npm run keys -- list \| rotate <payload-encryption \| content-signing \| license-signing> \| reseal/);
  });

  it('npm run keys -- reseal moves every private key under a new first APP_KEYS entry, so the old one can go', async () => {
    const newKey = 'a-brand-new-app-key-0123456789abcdefghijkl';
    await tsx('scripts/keys.ts', ['reseal'], { DATABASE_URL: test.url, APP_KEYS: `${newKey},${STORE.appKeys[0]}` });
    const rows = await test.db.storeKey.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(unsealPrivateKey(row.sealedPrivateKey, [newKey], row.kid).asymmetricKeyType).toBe('rsa');
      expect(() => unsealPrivateKey(row.sealedPrivateKey, STORE.appKeys, row.kid)).toThrow(KeyUnsealable);
    }
  });
});
