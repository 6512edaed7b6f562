import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, guardStateChange, isCrossOrigin, readBodyText } from '@/lib/http/request-guard';
import type { RequestRefused } from '@/lib/errors';

const own = ['http://127.0.0.1:3100', 'https://shop.example'];
const post = (headers: Record<string, string>, body?: BodyInit) => new Request('http://127.0.0.1:3100/admin', { method: 'POST', headers, body });

describe('state changes come from the shop\'s own origin', () => {
  it('refuses another site, another port of the same site, and Origin: null', () => {
    expect(isCrossOrigin(new Headers({ 'sec-fetch-site': 'cross-site' }), own)).toBe(true);
    expect(isCrossOrigin(new Headers({ 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:4400' }), own)).toBe(true);
    expect(isCrossOrigin(new Headers({ origin: 'http://127.0.0.1:4400' }), own)).toBe(true);
    expect(isCrossOrigin(new Headers({ origin: 'null' }), own)).toBe(true);
    expect(isCrossOrigin(new Headers({ 'sec-fetch-site': 'same-origin', origin: 'null' }), own)).toBe(true);
  });

  it('accepts its own pages, behind a proxy too, and clients that are not browsers', () => {
    expect(isCrossOrigin(new Headers({ 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3100' }), own)).toBe(false);
    expect(isCrossOrigin(new Headers({ origin: 'https://shop.example' }), own)).toBe(false);
    expect(isCrossOrigin(new Headers({}), own)).toBe(false);
  });

  it('leaves reads alone and refuses oversized declared bodies with 413', () => {
    expect(guardStateChange(new Request('http://127.0.0.1:3100/', { headers: { origin: 'null' } }), own)).toBeNull();
    expect(guardStateChange(post({ 'content-length': String(BODY_LIMIT_BYTES + 1) }), own)?.code).toBe('BODY_TOO_LARGE');
    expect(guardStateChange(post({ 'content-length': '12abc' }), own)?.code).toBe('BODY_TOO_LARGE');
    expect(guardStateChange(post({ 'content-length': String(BODY_LIMIT_BYTES) }), own)).toBeNull();
    expect(guardStateChange(post({ origin: 'null' }), own)?.code).toBe('CROSS_ORIGIN');
  });
});

describe('reading a body with a cap', () => {
  it('refuses a body without Content-Length once it passes the limit', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) { sent += 16 * 1024; controller.enqueue(new Uint8Array(16 * 1024)); },
    });
    const request = new Request('http://x/', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    const error = await readBodyText(request).then(() => null, (e: RequestRefused) => e);
    expect(error?.code).toBe('BODY_TOO_LARGE');
    expect(sent).toBeLessThan(BODY_LIMIT_BYTES + 64 * 1024);
  });

  it('reads a body within the limit', async () => {
    expect(await readBodyText(new Request('http://x/', { method: 'POST', body: '{"a":1}' }))).toBe('{"a":1}');
  });
});
