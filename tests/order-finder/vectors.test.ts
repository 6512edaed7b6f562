import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalString, queryPairs } from '@/lib/signing';
import { linkStateOf } from '@/lib/order-access/tier';
import { orderFinderRing, SIGN_IN_PATH } from '@/lib/order-finder/sign-in';

const spec = JSON.parse(readFileSync('docs/specs/order-finder-links.vectors.json', 'utf8')) as {
  purpose: string; app_keys: string[]; derived_keys_hex: string[]; now: number; path: string;
  vectors: { name: string; url: string; canonical: string; expected: string }[];
};
const ring = orderFinderRing(spec.app_keys);

describe('sign-in link vectors (docs/specs/order-finder-links.md)', () => {
  it('derives the documented keys for its own purpose, on the documented path', () => {
    expect(ring.purpose).toBe(spec.purpose);
    expect(ring.keys.map((key) => key.toString('hex'))).toEqual(spec.derived_keys_hex);
    expect(SIGN_IN_PATH).toBe(spec.path);
  });

  for (const vector of spec.vectors) {
    it(`${vector.name}: ${vector.expected}`, () => {
      const [path, query = ''] = vector.url.split('?');
      expect(canonicalString(path, queryPairs(query))).toBe(vector.canonical);
      expect(linkStateOf(path, queryPairs(query), ring, spec.now)).toBe(vector.expected);
    });
  }
});
