import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyContentLink } from '@/lib/content-links/verify';
import { parseContentLink } from '@/lib/content-links/link';
import { staticKeySource } from '@/lib/content-links/keys';
import { ContentLinkError } from '@/lib/content-links/errors';

const spec = JSON.parse(readFileSync('docs/specs/content-links.vectors.json', 'utf8')) as {
  public_origin: string; now: number; public_jwk: { kid: string } & Record<string, string>;
  article: { path: string; contentId: string; productIds: string[] };
  /** `grant`: the reference (`sg`) a valid link names; the verifier must then look the grant up (tests/db/content-links.test.ts). */
  vectors: { name: string; link: string; now?: number; grant?: string; expected: string }[];
};
const keys = staticKeySource([{ kid: spec.public_jwk.kid, publicKey: createPublicKey({ key: spec.public_jwk, format: 'jwk' }) }]);

const OUTCOME: Record<string, string> = {
  CONTENT_LINK_MISSING: 'missing', CONTENT_LINK_MALFORMED: 'malformed', CONTENT_LINK_SIGNATURE_INVALID: 'invalid',
  CONTENT_LINK_EXPIRED: 'expired', CONTENT_LINK_WRONG_CONTENT: 'wrong-content',
};

async function outcome(link: string, now: number): Promise<string> {
  try {
    await verifyContentLink(link, spec.public_origin, spec.article, keys, now);
    return 'valid';
  } catch (error) {
    if (error instanceof ContentLinkError) return OUTCOME[error.code];
    throw error;
  }
}

describe('signed content link vectors (docs/specs/content-links.md)', () => {
  it('covers every outcome', () => {
    expect(new Set(spec.vectors.map((v) => v.expected))).toEqual(new Set(['valid', 'expired', 'invalid', 'wrong-content', 'missing', 'malformed']));
  });

  it('has links that name their grant (sg): valid, tampered and malformed', () => {
    const withGrant = spec.vectors.filter((v) => /[?&]sg=/.test(v.link.split('&ss=')[0]));
    expect(new Set(withGrant.map((v) => v.expected))).toEqual(new Set(['valid', 'invalid', 'malformed']));
  });

  for (const vector of spec.vectors) {
    it(`${vector.name}: ${vector.expected}`, async () => {
      expect(await outcome(vector.link, vector.now ?? spec.now)).toBe(vector.expected);
      // a valid link is looked up by its grant reference exactly when it carries one
      if (vector.expected === 'valid') expect(parseContentLink(vector.link, spec.public_origin).fields.sg).toBe(vector.grant);
    });
  }
});
