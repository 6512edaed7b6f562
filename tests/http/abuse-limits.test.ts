// The real proxy and token route, called as Next calls them, with small limits.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.stubEnv('RATE_LIMITS', 'order-lookup=20/60,download-token=10/60');
vi.stubEnv('APP_KEYS', 'abuse-limits-test-key-0123456789abcdefghij');
vi.stubEnv('TRUST_PROXY', 'false');

let proxy: typeof import('@/proxy').proxy;
let tokenRoute: typeof import('@/app/api/downloads/token/route').POST;
let signedOrderPath: typeof import('@/lib/order-access/links').signedOrderPath;
let orderLinkRing: typeof import('@/lib/order-access/links').orderLinkRing;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  ({ proxy } = await import('@/proxy'));
  ({ POST: tokenRoute } = await import('@/app/api/downloads/token/route'));
  ({ signedOrderPath, orderLinkRing } = await import('@/lib/order-access/links'));
});

const from = (peer: string, path: string, init: RequestInit = {}) =>
  new NextRequest(`http://127.0.0.1:3100${path}`, { ...init, headers: { 'x-shop-peer': peer, ...(init.headers as object) } } as never);

describe('enumeration limits', () => {
  it('order pages without a valid signature: 429 after the limit, per client, and signed links are not counted', async () => {
    for (let n = 0; n < 20; n += 1) expect((await proxy(from('203.0.113.1', `/orders/${1000 + n}`))).status, `request ${n}`).toBe(200);
    const refused = await proxy(from('203.0.113.1', '/orders/2000?signature=forged'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected; a valid signed link is never limited.
    expect((await proxy(from('203.0.113.2', '/orders/1000'))).status).toBe(200);
    const signed = signedOrderPath('123456', orderLinkRing(['abuse-limits-test-key-0123456789abcdefghij']));
    for (let n = 0; n < 30; n += 1) expect((await proxy(from('203.0.113.1', signed))).status).toBe(200);
  });

  it('X-Forwarded-For does not make a new client without TRUST_PROXY', async () => {
    for (let n = 0; n < 20; n += 1) await proxy(from('203.0.113.3', `/orders/${n + 1}`, { headers: { 'x-forwarded-for': `198.51.100.${n}` } }));
    expect((await proxy(from('203.0.113.3', '/orders/99', { headers: { 'x-forwarded-for': '198.51.100.200' } }))).status).toBe(429);
  });

  it('the token endpoint: 429 after the limit for that client', async () => {
    const post = () => tokenRoute(from('203.0.113.4', '/api/downloads/token', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
    for (let n = 0; n < 10; n += 1) expect((await post()).status).toBe(400);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toBe('RATE_LIMITED');
  });
});
