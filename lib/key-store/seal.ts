// Private keys are stored sealed: AES-256-GCM under a key derived by HKDF from APP_KEYS with
// its own purpose, the row's kid as associated data (a sealed key moved to another row fails).
// The first APP_KEYS entry seals; every entry is tried to unseal, so APP_KEYS can rotate.
import { createCipheriv, createDecipheriv, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { ShopError } from '../errors';
import { deriveKeyRing } from '../signing/key-ring';

const SEAL_PURPOSE = 'key-store:private-key-seal:v1';
const VERSION = 'v1';

/** A configuration fault, not the visitor's: it answers a bare 500 and the log says why. */
export class KeyUnsealable extends ShopError {
  readonly code = 'KEY_UNSEALABLE';
  constructor(kid: string) {
    super(`the private key ${kid} cannot be unsealed with any APP_KEYS entry (was the key that sealed it removed?)`);
  }
}

export function sealPrivateKey(privateKey: KeyObject, appKeys: readonly string[], kid: string): string {
  const [key] = deriveKeyRing(appKeys, SEAL_PURPOSE).keys;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(kid, 'utf8'));
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const body = Buffer.concat([iv, cipher.update(der), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${body.toString('base64url')}`;
}

export function unsealPrivateKey(sealed: string, appKeys: readonly string[], kid: string): KeyObject {
  const [version, encoded] = sealed.split('.');
  if (version !== VERSION || !encoded) throw new KeyUnsealable(kid);
  const body = Buffer.from(encoded, 'base64url');
  const iv = body.subarray(0, 12);
  const tag = body.subarray(body.length - 16);
  const ciphertext = body.subarray(12, body.length - 16);
  for (const key of deriveKeyRing(appKeys, SEAL_PURPOSE).keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(kid, 'utf8')).setAuthTag(tag);
      const der = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      // another APP_KEYS entry may have sealed it
    }
  }
  throw new KeyUnsealable(kid);
}
