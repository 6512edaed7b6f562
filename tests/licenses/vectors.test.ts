// docs/specs/license-api.vectors.json: key format, canonical form, digests, request parsing, and
// certificates a third party verifies with jose alone (the spec's snippet, run here).
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { canonicalLicenseKey, generateLicenseKey, licenseKeyDigest, licenseKeyDigestRing, LICENSE_KEY_ALPHABET } from '@/lib/licenses/key';
import { parseLicenseRequest, type LicenseApiVerb } from '@/lib/licenses/input';
import { LicenseApiError } from '@/lib/licenses/errors';

interface Vectors {
  key_alphabet: string;
  keys: { random_hex: string; key: string }[];
  canonical: { typed: string; canonical: string | null }[];
  digests: { order_ring_key_hex: string; digest_key_hex: string; canonical: string; digest: string }[];
  requests: { verb: string; content_type: string; body: string; fields?: Record<string, string>; error?: string; field?: string }[];
  certificates: {
    issuer: string; jwks: { keys: JWK[] };
    valid: { certificate: string; now: string; claims: Record<string, unknown> }[];
    invalid: { certificate: string; now: string; why: string; jose_code: string }[];
  };
}

const vectors = JSON.parse(readFileSync('docs/specs/license-api.vectors.json', 'utf8')) as Vectors;

describe('license-api vectors', () => {
  it('uses the documented alphabet', () => { expect(LICENSE_KEY_ALPHABET).toBe(vectors.key_alphabet); });

  it.each(vectors.keys)('key from random bytes $random_hex', ({ random_hex, key }) => {
    expect(generateLicenseKey((size) => Buffer.from(random_hex, 'hex').subarray(0, size))).toBe(key);
  });

  it.each(vectors.canonical)('canonical form of "$typed"', ({ typed, canonical }) => {
    expect(canonicalLicenseKey(typed)).toBe(canonical);
  });

  it.each(vectors.digests)('digest of $canonical', ({ order_ring_key_hex, digest_key_hex, canonical, digest }) => {
    const ring = licenseKeyDigestRing({ purpose: 'signed-url:order', keys: [Buffer.from(order_ring_key_hex, 'hex')] });
    expect(ring.keys[0].toString('hex')).toBe(digest_key_hex);
    expect(licenseKeyDigest(ring, canonical)).toBe(digest);
  });

  it.each(vectors.requests)('$verb request as $content_type', ({ verb, content_type, body, fields, error, field }) => {
    if (fields) return expect(parseLicenseRequest(verb as LicenseApiVerb, content_type, body)).toEqual(fields);
    let thrown: unknown;
    try { parseLicenseRequest(verb as LicenseApiVerb, content_type, body); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(LicenseApiError);
    expect((thrown as LicenseApiError).code).toBe(error);
    if (field) expect((thrown as LicenseApiError).publicDetail).toBe(field);
  });

  // The spec's verification snippet: only jose, the shop's JWKS, its issuer.
  const verify = (certificate: string, now: string) => jwtVerify(certificate, createLocalJWKSet(vectors.certificates.jwks), {
    issuer: vectors.certificates.issuer, typ: 'license+jwt', algorithms: ['RS256'], currentDate: new Date(now),
  });

  it.each(vectors.certificates.valid)('a valid certificate verifies with jose alone', async ({ certificate, now, claims }) => {
    expect((await verify(certificate, now)).payload).toEqual(claims);
  });

  it.each(vectors.certificates.invalid)('refused: $why', async ({ certificate, now, jose_code }) => {
    await expect(verify(certificate, now)).rejects.toMatchObject({ code: jose_code });
  });
});
