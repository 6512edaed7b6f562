import { describe, expect, it } from 'vitest';
import { HSTS, newNonce, securityHeaders } from '@/lib/http/security-headers';

describe('security headers', () => {
  it('HSTS and upgrade-insecure-requests only when PUBLIC_URL is https', () => {
    const https = securityHeaders('abc', true);
    expect(https['Strict-Transport-Security']).toBe(HSTS);
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    const http = securityHeaders('abc', false);
    expect(http['Strict-Transport-Security']).toBeUndefined();
    expect(http['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });

  it('a strict policy: nonce scripts, no plugins, no base tag, no framing, forms only to the shop', () => {
    const csp = securityHeaders('n0nce', false)['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
    expect(securityHeaders('n', false)['X-Content-Type-Options']).toBe('nosniff');
  });

  it('nonces are 128 random bits, fresh each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
