// The public half of every usable store key, as a JWK Set (RFC 7517) for /.well-known/jwks.json.
import type { JWK } from 'jose';
import type { Db } from '../db/client';
import { KEY_PURPOSES, type KeyPurpose } from './purposes';
import { activeKey, usableKeys } from './store';

/** Publishes the keys; the payload-encryption key is created here if no one needed it yet. */
export async function publishedJwks(db: Db, now: Date, appKeys: readonly string[]): Promise<{ keys: JWK[] }> {
  // Every purpose's key exists before it is first needed, so a verifier can fetch it in advance.
  await Promise.all(Object.keys(KEY_PURPOSES).map((purpose) => activeKey(db, purpose as KeyPurpose, now, appKeys)));
  const perPurpose = await Promise.all(Object.keys(KEY_PURPOSES).map((purpose) => usableKeys(db, purpose as KeyPurpose, now)));
  return { keys: perPurpose.flat().map((key) => key.publicJwk) };
}
