// A key ring holds one 32-byte key per APP_KEYS entry, derived for one purpose,
// so a key used for order links can never verify a download token. The first
// key signs; the others only verify (rotation).
import { hkdfSync } from 'node:crypto';

export interface KeyRing {
  readonly purpose: string;
  readonly keys: readonly Buffer[];
}

export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from(purpose, 'utf8'), 32));
}

export function deriveKeyRing(secrets: readonly string[], purpose: string): KeyRing {
  if (secrets.length === 0) throw new Error('a key ring needs at least one secret');
  return { purpose, keys: secrets.map((secret) => deriveKey(secret, purpose)) };
}

export function parseAppKeys(value: string): string[] {
  return value.split(',').map((key) => key.trim()).filter(Boolean);
}
