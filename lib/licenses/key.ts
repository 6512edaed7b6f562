// License keys (docs/specs/license-api.md): 30 characters from a 32-letter alphabet without the
// look-alikes 0/O and 1/I (150 random bits), in six groups of five: "K7MXQ-4HT2R-…". Stored as
// typed for showing; looked up by a keyed digest (HMAC-SHA256) in an indexed column, never by
// the key itself, so the index says nothing about keys that were not issued. Pure.
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { safeEqual, type KeyRing } from '../signing';

export const LICENSE_KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LICENSE_KEY_LENGTH = 30;
const GROUP = 5;
const CANONICAL = new RegExp(`^[${LICENSE_KEY_ALPHABET}]{${LICENSE_KEY_LENGTH}}$`);
/** What a client may send: any case, groups separated by dashes or spaces; anything longer is refused unread. */
export const MAX_TYPED_KEY_LENGTH = 64;

/** A fresh key; `random` is injectable for the spec's vectors. Each byte's low 5 bits pick a letter (256 is a multiple of 32: unbiased). */
export function generateLicenseKey(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(LICENSE_KEY_LENGTH);
  const letters = [...bytes].map((byte) => LICENSE_KEY_ALPHABET[byte & 31]).join('');
  return formatLicenseKey(letters);
}

export function formatLicenseKey(canonical: string): string {
  return canonical.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** The canonical form (upper case, no separators), or null when the text cannot be a key. */
export function canonicalLicenseKey(typed: string): string | null {
  if (typed.length > MAX_TYPED_KEY_LENGTH) return null;
  const canonical = typed.toUpperCase().replace(/[\s-]/g, '');
  return CANONICAL.test(canonical) ? canonical : null;
}

export const LICENSE_KEY_DIGEST_PURPOSE = 'license-key-digest';

/**
 * The digest keys: HKDF-SHA256 of each key of the order-link ring (itself one HKDF key per
 * APP_KEYS entry), info "license-key-digest". Derived from the ring every payment already
 * carries, so granting a key needs nothing more; rotation keeps old keys findable.
 */
const digestRings = new WeakMap<KeyRing, KeyRing>();
export function licenseKeyDigestRing(orderRing: KeyRing): KeyRing {
  let ring = digestRings.get(orderRing);
  if (!ring) {
    const keys = orderRing.keys.map((key) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), Buffer.from(LICENSE_KEY_DIGEST_PURPOSE, 'utf8'), 32)));
    ring = { purpose: LICENSE_KEY_DIGEST_PURPOSE, keys };
    digestRings.set(orderRing, ring);
  }
  return ring;
}

/** The digest stored beside a new key: under the ring's first key. */
export function licenseKeyDigest(ring: KeyRing, canonical: string): string {
  return createHmac('sha256', ring.keys[0]).update(canonical, 'utf8').digest('hex');
}

/** Every digest a key may be stored under (one per APP_KEYS entry): a lookup asks for all of them, hit or miss. */
export function licenseKeyDigests(ring: KeyRing, canonical: string): string[] {
  return ring.keys.map((key) => createHmac('sha256', key).update(canonical, 'utf8').digest('hex'));
}

/** A key compared in constant time with what was stored; a miss compares with a stand-in of the same length. */
const STAND_IN = 'A'.repeat(LICENSE_KEY_LENGTH);
export function sameLicenseKey(stored: string | null | undefined, canonical: string): boolean {
  const storedCanonical = stored ? stored.replace(/-/g, '') : STAND_IN;
  return safeEqual(storedCanonical, canonical) && stored !== null && stored !== undefined;
}
