// Merchant customers: a store id (random, shown in admin) and optionally the merchant's own key,
// always scoped to one integration so no merchant can reach another's customers.
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/client';
import { ShopError } from '../errors';
import { isUniqueViolation } from '../db/unique-violation';

export class AccountNotFound extends ShopError {
  readonly code = 'ACCOUNT_NOT_FOUND';
  constructor() { super('No such account for this integration.'); }
}

const STORE_ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters from a 32-letter alphabet (80 bits), e.g. "AC7QH3M9XK2PWD4T": unguessable and easy to read out. */
export function newStoreId(): string {
  return [...randomBytes(16)].map((byte) => STORE_ID_ALPHABET[byte % 32]).join('');
}

/** The account the merchant knows by `customKey`, created the first time it is referenced. */
export async function accountByCustomKey(db: Db | Tx, integrationId: number, customKey: string, now: Date) {
  const where = { integrationId_customKey: { integrationId, customKey } };
  const existing = await db.account.findUnique({ where });
  if (existing) return existing;
  try {
    return await db.account.create({ data: { storeId: newStoreId(), integrationId, customKey, createdAt: now } });
  } catch (error) {
    // Two first references at once: the other one created it.
    if (!isUniqueViolation(error)) throw error;
    return db.account.findUniqueOrThrow({ where });
  }
}

/** An account by its store id, only if it belongs to this integration. */
export async function accountByStoreId(db: Db, integrationId: number, storeId: string) {
  const account = await db.account.findUnique({ where: { storeId } });
  if (!account || account.integrationId !== integrationId) throw new AccountNotFound();
  return account;
}

export type AccountReference = { account: string } | { accountCustomKey: string };

export function resolveAccount(db: Db, integrationId: number, reference: AccountReference, now: Date) {
  return 'account' in reference
    ? accountByStoreId(db, integrationId, reference.account)
    : accountByCustomKey(db, integrationId, reference.accountCustomKey, now);
}

export function ordersOfAccount(db: Db, accountId: number) {
  return db.order.findMany({
    where: { accountId },
    orderBy: { placedAt: 'desc' },
    select: { number: true, placedAt: true, status: true, currency: true, totalCents: true, testMode: true, language: true },
  });
}

export function accountOwnsOrder(db: Db, accountId: number, number: string) {
  return db.order.count({ where: { accountId, number } }).then((count) => count > 0);
}
