// Secrets the shop must read back (a private key, a webhook signing secret) are stored sealed:
// AES-256-GCM under a key derived by HKDF from APP_KEYS with the secret's own purpose, and
// associated data that ties the sealed value to its row (one moved to another row fails).
// The first APP_KEYS entry seals; every entry is tried to unseal, so APP_KEYS can rotate.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKeyRing } from './key-ring';

const VERSION = 'v1';

export function sealBytes(plain: Buffer, appKeys: readonly string[], purpose: string, associated: string): string {
  const [key] = deriveKeyRing(appKeys, purpose).keys;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${body.toString('base64url')}`;
}

/** The sealed bytes, or null when no APP_KEYS entry opens them (or they were not sealed for this purpose and row). */
export function unsealBytes(sealed: string, appKeys: readonly string[], purpose: string, associated: string): Buffer | null {
  const [version, encoded] = sealed.split('.');
  if (version !== VERSION || !encoded) return null;
  const body = Buffer.from(encoded, 'base64url');
  if (body.length < 12 + 16) return null;
  const iv = body.subarray(0, 12);
  const tag = body.subarray(body.length - 16);
  const ciphertext = body.subarray(12, body.length - 16);
  for (const key of deriveKeyRing(appKeys, purpose).keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(associated, 'utf8')).setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      // another APP_KEYS entry may have sealed it
    }
  }
  return null;
}
