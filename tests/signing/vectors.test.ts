import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveKeyRing, canonicalString, queryPairs } from '@/lib/signing';
import { linkStateOf } from '@/lib/order-access/tier';

const spec = JSON.parse(readFileSync('docs/specs/signed-urls.vectors.json', 'utf8')) as {
  purpose: string; app_keys: string[]; derived_keys_hex: string[]; now: number;
  vectors: { name: string; url: string; canonical: string; expected: string }[];
};
const ring = deriveKeyRing(spec.app_keys, spec.purpose);
const split = (url: string) => { const [path, query = ''] = url.split('?'); return { path, query: queryPairs(query) }; };

describe('signed order URL vectors (docs/specs/signed-urls.md)', () => {
  it('derives the documented keys', () => {
    expect(ring.keys.map((key) => key.toString('hex'))).toEqual(spec.derived_keys_hex);
  });

  it('covers valid, expired, tampered and malformed links', () => {
    expect(new Set(spec.vectors.map((v) => v.expected))).toEqual(new Set(['valid', 'expired', 'invalid', 'missing']));
  });

  for (const vector of spec.vectors) {
    it(`${vector.name}: ${vector.expected}`, () => {
      const { path, query } = split(vector.url);
      expect(canonicalString(path, query)).toBe(vector.canonical);
      expect(linkStateOf(path, query, ring, spec.now)).toBe(vector.expected);
    });
  }
});
