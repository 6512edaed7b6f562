import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from './key-ring';

export function hmacBase64url(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('base64url');
}

/** Constant-time comparison; unequal lengths are a mismatch, not an exception. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

export function signWithRing(ring: KeyRing, data: string): string {
  return hmacBase64url(ring.keys[0], data);
}

/** True when any key in the ring produced `signature`; every key is tried, so timing does not tell which. */
export function ringVerifies(ring: KeyRing, data: string, signature: string): boolean {
  let matched = false;
  for (const key of ring.keys) matched = safeEqual(hmacBase64url(key, data), signature) || matched;
  return matched;
}
