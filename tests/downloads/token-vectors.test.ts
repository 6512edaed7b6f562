import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { verifyDownloadToken } from '@/lib/downloads/token';
import { TokenExpired, TokenMalformed, TokenSignatureInvalid } from '@/lib/downloads/errors';

const spec = JSON.parse(readFileSync('docs/specs/download-tokens.vectors.json', 'utf8')) as {
  purpose: string; app_keys: string[]; derived_keys_hex: string[]; now: number;
  vectors: { name: string; token: string; expected: string; payload?: unknown }[];
};
const ring = deriveKeyRing(spec.app_keys, spec.purpose);
const ERRORS = { malformed: TokenMalformed, invalid: TokenSignatureInvalid, expired: TokenExpired } as const;

describe('download token vectors (docs/specs/download-tokens.md)', () => {
  it('derives the documented keys', () => {
    expect(ring.keys.map((k) => k.toString('hex'))).toEqual(spec.derived_keys_hex);
  });

  for (const vector of spec.vectors) {
    it(`${vector.name}: ${vector.expected}`, () => {
      if (vector.expected === 'valid') {
        expect(verifyDownloadToken(vector.token, ring, spec.now)).toEqual(vector.payload);
      } else {
        expect(() => verifyDownloadToken(vector.token, ring, spec.now)).toThrow(ERRORS[vector.expected as keyof typeof ERRORS]);
      }
    });
  }
});
