import { describe, expect, it } from 'vitest';
import { corsHeaders, parseAllowedOrigins, preflightHeaders, signedUrlFrom } from '@/lib/content-links/cors';
import { parseConfig } from '@/lib/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const allowed = ['https://blog.example', 'http://127.0.0.1:4501'];

describe('content access CORS', () => {
  it('answers a preflight from an allowed origin, naming both link headers', () => {
    expect(preflightHeaders('https://blog.example', allowed)).toEqual({
      Vary: 'Origin',
      'Access-Control-Allow-Origin': 'https://blog.example',
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
      'Access-Control-Allow-Headers': 'X-Sesamy-Signed-Url, X-Signed-Url',
      'Access-Control-Max-Age': '600',
    });
  });

  it('gives near misses and absent origins no CORS headers, only Vary', () => {
    for (const origin of ['https://blog.example.evil', 'https://evil.blog.example', 'http://blog.example', 'https://blog.example:443x', 'null', '*', null]) {
      expect(preflightHeaders(origin, allowed)).toEqual({ Vary: 'Origin' });
      expect(corsHeaders(origin, allowed)).toEqual({ Vary: 'Origin' });
    }
  });

  it('never allows credentials', () => {
    expect(Object.keys(preflightHeaders('https://blog.example', allowed))).not.toContain('Access-Control-Allow-Credentials');
  });

  it('reads the Sesamy header first, then the generic one', () => {
    expect(signedUrlFrom(new Headers({ 'X-Signed-Url': 'b', 'X-Sesamy-Signed-Url': 'a' }))).toBe('a');
    expect(signedUrlFrom(new Headers({ 'x-signed-url': 'b' }))).toBe('b');
    expect(signedUrlFrom(new Headers())).toBeNull();
  });

  it('accepts only exact origins in CONTENT_ALLOWED_ORIGINS', () => {
    expect(parseAllowedOrigins(' https://blog.example, http://127.0.0.1:4501 ')).toEqual(allowed);
    for (const bad of ['*', 'https://blog.example/', 'https://blog.example/path', 'blog.example', 'ftp://x.example']) {
      expect(() => parseAllowedOrigins(bad)).toThrow();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'cors-config-'));
    expect(() => parseConfig({ CONTENT_ALLOWED_ORIGINS: 'https://*.example' }, dir)).toThrow(/CONTENT_ALLOWED_ORIGINS/);
    expect(() => parseConfig({ CONTENT_LINK_JWKS_URL: 'file:///etc/passwd' }, dir)).toThrow(/CONTENT_LINK_JWKS_URL/);
    expect(parseConfig({ CONTENT_ALLOWED_ORIGINS: 'https://blog.example' }, dir).contentAllowedOrigins).toEqual(['https://blog.example']);
  });
});
