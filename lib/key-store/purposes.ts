// What each store-owned key is for. A purpose fixes the algorithm and JWK `use`, and how long
// a retired key (one replaced by rotation) stays published and usable.
const DAY_MS = 86_400_000;

export const KEY_PURPOSES = {
  // v2 secure payloads are encrypted to this key (RSA-OAEP-256 + A256GCM); merchants cache the JWKS.
  'payload-encryption': { alg: 'RSA-OAEP-256', use: 'enc', modulusLength: 2048, graceMs: 7 * DAY_MS },
  // Signed content links (next issue): verifiers cache the JWKS, links outlive a rotation.
  'content-signing': { alg: 'RS256', use: 'sig', modulusLength: 2048, graceMs: 7 * DAY_MS },
  // License certificates (lib/licenses/certificate.ts): installed software checks them offline for
  // as long as it caches the JWKS, so a retired key stays published for 30 days.
  'license-signing': { alg: 'RS256', use: 'sig', modulusLength: 2048, graceMs: 30 * DAY_MS },
} as const;

export type KeyPurpose = keyof typeof KEY_PURPOSES;

export const isKeyPurpose = (value: string): value is KeyPurpose => Object.hasOwn(KEY_PURPOSES, value);
