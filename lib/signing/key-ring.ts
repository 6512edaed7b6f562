// A key ring holds one 32-byte key per APP_KEYS entry, derived for one purpose,
// so a key used for order links can never verify a download token. The first
// key signs; the others only verify (rotation).
import { hkdfSync } from 'node:crypto';

export interface KeyRing {
  readonly purpose: string;
  readonly keys: readonly Buffer[];
}

// Derived once per (secret, purpose): every request needs the same few keys, and
// HKDF per request was a measurable share of the download endpoint's time.
const derived = new Map<string, Buffer>();

export function deriveKey(secret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from(purpose, 'utf8'), 32));
    derived.set(id, key);
  }
  return Buffer.from(key); // a copy: callers may not change the cached key
}

export function deriveKeyRing(secrets: readonly string[], purpose: string): KeyRing {
  if (secrets.length === 0) throw new Error('a key ring needs at least one secret');
  return { purpose, keys: secrets.map((secret) => deriveKey(secret, purpose)) };
}

export function parseAppKeys(value: string): string[] {
  return value.split(',').map((key) => key.trim()).filter(Boolean);
}
