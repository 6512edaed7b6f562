// Links signed by an independent party with OpenSSL, verified against its JWKS served over HTTP.
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remoteKeySource } from '@/lib/content-links/remote-keys';
import { unsignedLinkText } from '@/lib/content-links/link';
import { verifyContentLink } from '@/lib/content-links/verify';
import { InvalidSignature } from '@/lib/content-links/errors';

const PORT = 4510;
const ISSUER = `http://127.0.0.1:${PORT}/vault-jwks.json`;
const origin = 'https://shop.example';
const article = { path: '/articles/folding-basics', productIds: ['member-tutorials'] };
const dir = mkdtempSync(path.join(tmpdir(), 'issuer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function opensslKey(name: string) {
  const file = path.join(dir, `${name}.pem`);
  execFileSync('openssl', ['genrsa', '-out', file, '2048'], { stdio: 'ignore' });
  return { file, jwk: createPublicKey({ key: execFileSync('openssl', ['rsa', '-in', file, '-pubout'], { stdio: ['ignore', 'pipe', 'ignore'] }), format: 'pem' }).export({ format: 'jwk' }) };
}

/** Sesamy-style: standard base64 from `openssl dgst -sha256 -sign`, percent-encoded into the link. */
function opensslSignedLink(keyFile: string, fields: { se: number; si: string; sk?: string }) {
  const text = unsignedLinkText(origin, article.path, fields);
  const signature = execFileSync('openssl', ['dgst', '-sha256', '-sign', keyFile], { input: text }).toString('base64');
  return `${text}&ss=${encodeURIComponent(signature)}`;
}

let body: unknown;
let requests = 0;
let server: Server | undefined;
async function startIssuer() {
  server = createServer((_req, res) => { requests += 1; res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(body)); });
  await new Promise<void>((resolve) => server!.listen(PORT, '127.0.0.1', resolve));
}
const stopIssuer = () => new Promise<void>((resolve) => { server?.closeAllConnections(); server?.close(() => resolve()); });
afterAll(stopIssuer);

describe('an external issuer (CONTENT_LINK_JWKS_URL)', () => {
  const first = opensslKey('first');
  const second = opensslKey('second');
  const se = Date.now() + 3_600_000;
  const logs: string[] = [];
  const keys = remoteKeySource(ISSUER, { cacheMaxAgeMs: 50, cooldownMs: 0, timeoutMs: 1000, log: (m) => logs.push(m) });
  const verify = (link: string) => verifyContentLink(link, origin, article, keys, Date.now());

  it('accepts a link signed with openssl against a bare JWK, without a kid', async () => {
    body = { ...first.jwk, kty: 'RSA' };
    await startIssuer();
    await expect(verify(opensslSignedLink(first.file, { se, si: 'member-tutorials' }))).resolves.toBeTruthy();
    expect(requests).toBe(1);
  });

  it('refuses a link signed by a key the issuer does not publish', async () => {
    await expect(verify(opensslSignedLink(second.file, { se, si: 'member-tutorials' }))).rejects.toBeInstanceOf(InvalidSignature);
  });

  it('keeps verifying from its cache while the issuer is down', async () => {
    await stopIssuer();
    await new Promise((resolve) => setTimeout(resolve, 80)); // past cacheMaxAge: the next use refetches and fails
    await expect(verify(opensslSignedLink(first.file, { se, si: 'member-tutorials' }))).resolves.toBeTruthy();
    expect(logs.some((m) => m.includes('unavailable'))).toBe(true);
  });

  it('picks up a rotation to a new kid from a JWKS', async () => {
    body = { keys: [{ ...first.jwk, kid: 'ext-1', alg: 'RS256', use: 'sig' }, { ...second.jwk, kid: 'ext-2', alg: 'RS256', use: 'sig' }] };
    await startIssuer();
    const before = requests;
    await expect(verify(opensslSignedLink(second.file, { se, si: 'member-tutorials', sk: 'ext-2' }))).resolves.toBeTruthy();
    expect(requests).toBeGreaterThan(before);
    // without a kid, both published keys are tried
    await expect(verify(opensslSignedLink(first.file, { se, si: 'member-tutorials' }))).resolves.toBeTruthy();
    // a kid names one key: the other key's signature does not pass under it
    await expect(verify(opensslSignedLink(first.file, { se, si: 'member-tutorials', sk: 'ext-2' }))).rejects.toBeInstanceOf(InvalidSignature);
  });

  it('ignores keys not meant for RS256 signatures', async () => {
    body = { keys: [{ ...first.jwk, kid: 'ext-1', use: 'enc' }] };
    const fresh = remoteKeySource(ISSUER, { log: () => {} });
    await expect(verifyContentLink(opensslSignedLink(first.file, { se, si: 'member-tutorials' }), origin, article, fresh, Date.now()))
      .rejects.toBeInstanceOf(InvalidSignature);
  });
});
