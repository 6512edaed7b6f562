import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalString, queryPairs } from '@/lib/signing';
import { linkStateOf } from '@/lib/order-access/tier';
import { orderClaimRing } from '@/lib/order-claims/claims';

const spec = JSON.parse(readFileSync('docs/specs/order-claim-links.vectors.json', 'utf8')) as {
  purpose: string; app_keys: string[]; derived_keys_hex: string[]; now: number;
  vectors: { name: string; url: string; canonical: string; expected: string }[];
};
const ring = orderClaimRing(spec.app_keys);

describe('order claim link vectors (docs/specs/order-claim-links.md)', () => {
  it('derives the documented keys for its own purpose', () => {
    expect(ring.purpose).toBe(spec.purpose);
    expect(ring.keys.map((key) => key.toString('hex'))).toEqual(spec.derived_keys_hex);
  });

  for (const vector of spec.vectors) {
    it(`${vector.name}: ${vector.expected}`, () => {
      const [path, query = ''] = vector.url.split('?');
      expect(canonicalString(path, queryPairs(query))).toBe(vector.canonical);
      expect(linkStateOf(path, queryPairs(query), ring, spec.now)).toBe(vector.expected);
    });
  }
});
