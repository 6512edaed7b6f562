// The store's own asymmetric keys, one table for every purpose. Creation and rotation are one
// INSERT each, guarded by the unique (purpose, generation): when several instances race, one
// insert wins and the others read the winner back, so every instance agrees on the keys.
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { KEY_PURPOSES, type KeyPurpose } from './purposes';
import { sealPrivateKey, unsealPrivateKey } from './seal';

export interface StoreKey {
  kid: string;
  purpose: KeyPurpose;
  generation: number;
  alg: string;
  publicJwk: JWK;
  createdAt: Date;
  /** When the next generation replaced it; null for the active key. */
  retiredAt: Date | null;
  sealedPrivateKey: string;
}

const generateRsa = promisify(generateKeyPair);

type Row = { kid: string; purpose: string; generation: number; alg: string; publicJwk: string; createdAt: Date; sealedPrivateKey: string };

/** Newest first; a key retires when its successor was created. */
function toStoreKeys(rows: Row[]): StoreKey[] {
  return rows.map((row, index) => ({
    ...row,
    purpose: row.purpose as KeyPurpose,
    publicJwk: JSON.parse(row.publicJwk) as JWK,
    retiredAt: index === 0 ? null : rows[index - 1].createdAt,
  }));
}

async function allKeys(db: Db, purpose: KeyPurpose): Promise<StoreKey[]> {
  return toStoreKeys(await db.storeKey.findMany({ where: { purpose }, orderBy: { generation: 'desc' } }));
}

async function insertGeneration(db: Db, purpose: KeyPurpose, generation: number, now: Date, appKeys: readonly string[]): Promise<void> {
  const { alg, use, modulusLength } = KEY_PURPOSES[purpose];
  const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength });
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  const publicJwk = JSON.stringify({ ...jwk, kid, alg, use });
  try {
    await db.storeKey.create({
      data: { purpose, generation, kid, alg, publicJwk, sealedPrivateKey: sealPrivateKey(privateKey, appKeys, kid), createdAt: now },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // another instance created this generation first: theirs stands
  }
}

/** The key new material is made with; created on first need. */
export async function activeKey(db: Db, purpose: KeyPurpose, now: Date, appKeys: readonly string[]): Promise<StoreKey> {
  const [current] = await allKeys(db, purpose);
  if (current) return current;
  await insertGeneration(db, purpose, 1, now, appKeys);
  return (await allKeys(db, purpose))[0];
}

/** Adds the next generation; the previous key stays usable for the purpose's grace period. */
export async function rotateKey(db: Db, purpose: KeyPurpose, now: Date, appKeys: readonly string[]): Promise<StoreKey> {
  const [current] = await allKeys(db, purpose);
  await insertGeneration(db, purpose, (current?.generation ?? 0) + 1, now, appKeys);
  return (await allKeys(db, purpose))[0];
}

export const isUsable = (key: StoreKey, now: Date) =>
  key.retiredAt === null || key.retiredAt.getTime() + KEY_PURPOSES[key.purpose].graceMs > now.getTime();

/** The active key and the retired keys still in their grace period, newest first. */
export async function usableKeys(db: Db, purpose: KeyPurpose, now: Date): Promise<StoreKey[]> {
  return (await allKeys(db, purpose)).filter((key) => isUsable(key, now));
}

/** Every key of every purpose, newest first per purpose, for the admin. */
export async function listKeys(db: Db): Promise<StoreKey[]> {
  const perPurpose = await Promise.all(Object.keys(KEY_PURPOSES).map((purpose) => allKeys(db, purpose as KeyPurpose)));
  return perPurpose.flat();
}

/**
 * Re-seals every private key under the first APP_KEYS entry, so an older entry can then be
 * dropped from APP_KEYS without losing the keys it sealed. Returns how many rows changed.
 */
export async function resealKeys(db: Db, appKeys: readonly string[]): Promise<number> {
  const rows = await db.storeKey.findMany({ orderBy: { id: 'asc' } });
  for (const row of rows) {
    const privateKey = unsealPrivateKey(row.sealedPrivateKey, appKeys, row.kid);
    await db.storeKey.update({ where: { id: row.id }, data: { sealedPrivateKey: sealPrivateKey(privateKey, appKeys, row.kid) } });
  }
  return rows.length;
}

// A kid names one immutable key pair, so an unsealed key can be kept for the process's life.
const unsealed = new Map<string, KeyObject>();

export function privateKeyOf(key: StoreKey, appKeys: readonly string[]): KeyObject {
  let privateKey = unsealed.get(key.kid);
  if (!privateKey) {
    privateKey = unsealPrivateKey(key.sealedPrivateKey, appKeys, key.kid);
    unsealed.set(key.kid, privateKey);
  }
  return privateKey;
}
