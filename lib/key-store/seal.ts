// Private keys are stored sealed (lib/signing/seal.ts), the row's kid as associated data.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { ShopError } from '../errors';
import { sealBytes, unsealBytes } from '../signing/seal';

const SEAL_PURPOSE = 'key-store:private-key-seal:v1';

/** A configuration fault, not the visitor's: it answers a bare 500 and the log says why. */
export class KeyUnsealable extends ShopError {
  readonly code = 'KEY_UNSEALABLE';
  constructor(kid: string) {
    super(`the private key ${kid} cannot be unsealed with any APP_KEYS entry (was the key that sealed it removed?)`);
  }
}

export function sealPrivateKey(privateKey: KeyObject, appKeys: readonly string[], kid: string): string {
  return sealBytes(privateKey.export({ format: 'der', type: 'pkcs8' }), appKeys, SEAL_PURPOSE, kid);
}

export function unsealPrivateKey(sealed: string, appKeys: readonly string[], kid: string): KeyObject {
  const der = unsealBytes(sealed, appKeys, SEAL_PURPOSE, kid);
  if (!der) throw new KeyUnsealable(kid);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}
