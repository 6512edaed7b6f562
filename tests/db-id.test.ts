import { describe, expect, it } from 'vitest';
import { parseDbId } from '@/lib/db/schema-files';
import { deriveKeyRing, hmacBase64url } from '@/lib/signing';
import { verifyDownloadToken } from '@/lib/downloads/token';
import { TokenMalformed } from '@/lib/downloads/errors';

describe('database ids from requests', () => {
  it('accepts only ids every provider can store', () => {
    expect(parseDbId('1')).toBe(1);
    expect(parseDbId(2_147_483_647)).toBe(2_147_483_647);
    for (const bad of ['0', '-1', '2147483648', '1e3', '12abc', '', null, undefined, 1.5, '99999999999']) {
      expect(parseDbId(bad), String(bad)).toBeNull();
    }
  });

  it('treats a correctly signed token for an impossible license id as malformed', () => {
    const ring = deriveKeyRing(['id-test-key-0123456789abcdefghijklmnop'], 'download-token');
    const payload = Buffer.from(JSON.stringify({ license_id: 2 ** 31, product_slug: 'x', expires: 10 })).toString('base64url');
    expect(() => verifyDownloadToken(`${payload}.${hmacBase64url(ring.keys[0], payload)}`, ring, 0)).toThrow(TokenMalformed);
  });
});
