// The License API's routes called as Next calls them, with real requests: form and JSON bodies,
// Lemon Squeezy's answer shape with a stable `code`, no CORS (OPTIONS refused, no Access-Control-*
// header ever), bodies over the cap refused 413 whether declared or streamed, rate limits per key,
// and the certificate verified with jose against the shop's own /.well-known/jwks.json.
import { NextRequest } from 'next/server';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { placePaidOrder } from '../support/orders';

const APP_KEY = 'license-route-test-key-0123456789abcdefghij';
const ORIGIN = 'http://127.0.0.1:3100';
const ring = deriveKeyRing([APP_KEY], ORDER_LINK_PURPOSE);
const buyer = { email: 'rosa@example.com', fullName: 'Rosa Route', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };
let test: TestDatabase;

type Verb = 'activate' | 'validate' | 'deactivate' | 'update';
type RouteModule = { POST: (request: Request) => Promise<Response>; OPTIONS: (request: Request) => Promise<Response> | Response };

async function configuredShop(env: Record<string, string> = {}) {
  vi.resetModules();
  delete (globalThis as { shop?: unknown }).shop;
  delete (globalThis as { shopRateLimits?: unknown }).shopRateLimits;
  for (const [name, value] of Object.entries({ DATABASE_URL: test.url, APP_KEYS: APP_KEY, PUBLIC_URL: ORIGIN, PAYMENT_PROVIDER: 'test', ...env })) vi.stubEnv(name, value);
  const routes = {
    activate: await import('@/app/api/licenses/activate/route'),
    validate: await import('@/app/api/licenses/validate/route'),
    deactivate: await import('@/app/api/licenses/deactivate/route'),
    update: await import('@/app/api/licenses/update/route'),
  } as Record<Verb, RouteModule>;
  const { GET: jwks } = await import('@/app/.well-known/jwks.json/route');
  const { proxy } = await import('@/proxy');
  const { shop } = await import('@/lib/server/shop');
  return { routes, jwks, proxy, disconnect: () => shop().database().db.$disconnect() };
}

/** Installed software: no Origin, no Sec-Fetch-*, a form body unless told. */
function call(verb: Verb, fields: Record<string, string> | string, headers: Record<string, string> = {}, method = 'POST') {
  const form = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return new NextRequest(`${ORIGIN}/api/licenses/${verb}`, {
    method, body: method === 'POST' ? form : undefined,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-shop-peer': '192.0.2.7', ...headers },
  });
}

const noCors = (answer: Response) => [...answer.headers.keys()].filter((name) => name.startsWith('access-control-'));

async function boughtKey() {
  const { number } = await placePaidOrder(test.db, [{ slug: 'paper-engineering-plugin', quantity: 1 }], buyer, { ring, publicUrl: ORIGIN, now: new Date() });
  const license = await test.db.license.findFirstOrThrow({ where: { order: { number } } });
  return license.licenseKey!;
}

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  test = await openTestDatabase('sqlite');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await test?.close();
});

describe('the License API routes', () => {
  let shop: Awaited<ReturnType<typeof configuredShop>>;
  beforeAll(async () => { shop = await configuredShop(); });
  afterAll(async () => { await shop?.disconnect(); });

  it('activates from a form body in Lemon Squeezy\'s shape, with a certificate the JWKS route verifies', async () => {
    const key = await boughtKey();
    const answer = await shop.routes.activate.POST(call('activate', { license_key: key, instance_name: 'Rosa\'s iMac' }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(noCors(answer)).toEqual([]);
    const body = await answer.json();
    expect(body).toMatchObject({
      activated: true, error: null,
      license_key: { id: expect.any(Number), status: 'active', key, activation_limit: 3, activation_usage: 1, created_at: expect.any(String), expires_at: null },
      instance: { id: expect.any(String), name: 'Rosa\'s iMac', created_at: expect.any(String) },
      meta: { store_id: 1, order_id: expect.any(Number), product_id: expect.any(Number), product_name: 'Paper Engineering Plugin (ZIP)' },
    });
    expect(body.meta).not.toHaveProperty('customer_email');
    const jwks = await (await shop.jwks(new Request(`${ORIGIN}/.well-known/jwks.json`))).json();
    const { payload, protectedHeader } = await jwtVerify(body.certificate, createLocalJWKSet(jwks), { issuer: ORIGIN, typ: 'license+jwt' });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ instance_id: body.instance.id, product_slug: 'paper-engineering-plugin', license_key_id: body.license_key.id });
  });

  it('validates and deactivates from JSON bodies; a replayed deactivation is 410, an unknown key 404, each with a code', async () => {
    const key = await boughtKey();
    const { instance } = await (await shop.routes.activate.POST(call('activate', { license_key: key, instance_name: 'A' }))).json();
    const json = { 'content-type': 'application/json' };
    const valid = await shop.routes.validate.POST(call('validate', JSON.stringify({ license_key: key, instance_id: instance.id }), json));
    expect(await valid.json()).toMatchObject({ valid: true, error: null, instance: { id: instance.id }, license_key: { status: 'active' } });
    const gone = await shop.routes.deactivate.POST(call('deactivate', JSON.stringify({ license_key: key, instance_id: instance.id }), json));
    expect(await gone.json()).toMatchObject({ deactivated: true, error: null, license_key: { activation_usage: 0, status: 'inactive' } });
    const replay = await shop.routes.deactivate.POST(call('deactivate', JSON.stringify({ license_key: key, instance_id: instance.id }), json));
    expect(replay.status).toBe(410);
    expect(await replay.json()).toMatchObject({ deactivated: false, code: 'INSTANCE_DEACTIVATED', error: expect.stringMatching(/already been deactivated/), license_key: { key } });
    const unknown = await shop.routes.validate.POST(call('validate', { license_key: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ valid: false, error: 'No license has this key.', code: 'LICENSE_KEY_UNKNOWN', license_key: null, instance: null, meta: null });
  });

  it('refuses every bad input with a 4xx and a stable code, and the full limit with 409', async () => {
    const key = await boughtKey();
    const cases: [Verb, Request, number, string][] = [
      ['activate', call('activate', { license_key: 'nope', instance_name: 'A' }), 400, 'LICENSE_KEY_MALFORMED'],
      ['activate', call('activate', { license_key: key }), 422, 'LICENSE_REQUEST_INVALID'],
      ['activate', call('activate', 'license_key=' + key + '&license_key=' + key + '&instance_name=A'), 422, 'LICENSE_REQUEST_INVALID'],
      ['activate', call('activate', { license_key: key, instance_name: 'A', product_id: 'svg-cut-files' }), 422, 'LICENSE_OTHER_PRODUCT'],
      ['validate', call('validate', { license_key: key, instance_id: 'not-a-uuid' }), 422, 'LICENSE_REQUEST_INVALID'],
      ['validate', call('validate', { license_key: key, instance_id: '00000000-0000-4000-8000-000000000000' }), 404, 'INSTANCE_UNKNOWN'],
      ['validate', call('validate', '{"license_key": ', { 'content-type': 'application/json' }), 422, 'LICENSE_REQUEST_INVALID'],
      ['validate', call('validate', `license_key=${key}`, { 'content-type': 'text/plain' }), 415, 'LICENSE_MEDIA_TYPE'],
      ['update', call('update', { license_key: key, instance_id: '00000000-0000-4000-8000-000000000000', version: '1.0' }), 404, 'INSTANCE_UNKNOWN'],
    ];
    for (const [verb, request, status, code] of cases) {
      const answer = await shop.routes[verb].POST(request);
      expect(answer.status, code).toBe(status);
      expect(await answer.json(), code).toMatchObject({ code, error: expect.any(String) });
    }
    for (const name of ['A', 'B', 'C']) expect((await shop.routes.activate.POST(call('activate', { license_key: key, instance_name: name }))).status).toBe(200);
    const full = await shop.routes.activate.POST(call('activate', { license_key: key, instance_name: 'D' }));
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ activated: false, code: 'ACTIVATION_LIMIT_REACHED', license_key: { activation_usage: 3, activation_limit: 3 } });
  });

  it('turns CORS away: OPTIONS is 405 with Allow: POST, a browser\'s cross-site post 403 at the proxy, never an Access-Control header', async () => {
    for (const verb of ['activate', 'validate', 'deactivate', 'update'] as const) {
      const preflight = await shop.routes[verb].OPTIONS(call(verb, {}, { origin: 'https://evil.example', 'access-control-request-method': 'POST' }, 'OPTIONS'));
      expect(preflight.status).toBe(405);
      expect(preflight.headers.get('allow')).toBe('POST');
      expect(noCors(preflight)).toEqual([]);
    }
    const fromAPage = await shop.proxy(call('activate', { license_key: 'x', instance_name: 'y' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(fromAPage.status).toBe(403);
    expect(noCors(fromAPage)).toEqual([]);
  });

  it('refuses bodies over 8 KiB with 413, declared or streamed without a length', async () => {
    const key = await boughtKey();
    const big = `license_key=${key}&instance_name=${'x'.repeat(9000)}`;
    const declared = await shop.routes.activate.POST(call('activate', big, { 'content-length': String(big.length) }));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({ start(controller) { for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024))); controller.close(); } });
    const streamed = await shop.routes.activate.POST(new NextRequest(`${ORIGIN}/api/licenses/activate`, {
      method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    } as never));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ activated: false, code: 'BODY_TOO_LARGE' });
    expect(await test.db.licenseActivation.count({ where: { license: { licenseKey: key } } })).toBe(0);
  });
});

describe('rate limits', () => {
  it('per key: the 4th call of a key within the window is 429 with Retry-After, another key still answers', async () => {
    const shop = await configuredShop({ RATE_LIMITS: 'license-per-key=3/60' });
    try {
      const key = await boughtKey();
      const other = await boughtKey();
      for (let i = 0; i < 3; i++) expect((await shop.routes.validate.POST(call('validate', { license_key: key }))).status).toBe(200);
      const limited = await shop.routes.validate.POST(call('validate', { license_key: key.toLowerCase() }));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ valid: false, code: 'RATE_LIMITED' });
      expect((await shop.routes.validate.POST(call('validate', { license_key: other }))).status).toBe(200);
    } finally {
      await shop.disconnect();
    }
  });

  it('per client: past license-per-ip every call from that address is 429, whatever the key', async () => {
    const shop = await configuredShop({ RATE_LIMITS: 'license-per-ip=2/60' });
    try {
      const key = await boughtKey();
      expect((await shop.routes.validate.POST(call('validate', { license_key: key }))).status).toBe(200);
      expect((await shop.routes.validate.POST(call('validate', { license_key: 'nope' }))).status).toBe(400);
      expect((await shop.routes.validate.POST(call('validate', { license_key: key }))).status).toBe(429);
      expect((await shop.routes.validate.POST(call('validate', { license_key: key }, { 'x-shop-peer': '192.0.2.8' }))).status).toBe(200);
    } finally {
      await shop.disconnect();
    }
  });
});
