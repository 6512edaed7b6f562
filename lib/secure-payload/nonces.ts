// Single use, atomically: the unique primary key of UsedNonce decides which of two concurrent
// requests carrying the same payload wins. Markers are kept until the payload expires anyway.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { refuse } from './errors';

export function nonceKey(integrationId: number, kind: string, id: string): string {
  return createHash('sha256').update(`${integrationId}\n${kind}\n${id}`, 'utf8').digest('base64url');
}

export async function consumeNonce(db: Db, key: string, expiresAt: Date, now: Date): Promise<void> {
  await db.usedNonce.deleteMany({ where: { expiresAt: { lte: now } } });
  try {
    await db.usedNonce.create({ data: { key, expiresAt } });
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse('REPLAYED', `nonce ${key} was already used`);
    throw error;
  }
}
