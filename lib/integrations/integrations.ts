// Merchant integrations: who may send secure payloads, with which public keys, in which mode.
import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Db } from '../db/client';
import type { MerchantCertificate } from './certificate';

export const INTEGRATION_MODES = ['live', 'test'] as const;
export type IntegrationMode = (typeof INTEGRATION_MODES)[number];
const HOUR_MS = 3_600_000;

/** Public and unguessable: it names the integration, it does not authenticate anyone. */
export const newAccessKey = () => randomBytes(18).toString('base64url');

export async function createIntegration(db: Db, input: { name: string; mode: IntegrationMode }, now: Date) {
  return db.integration.create({ data: { name: input.name, mode: input.mode, accessKey: newAccessKey(), createdAt: now } });
}

const usableAt = (now: Date) => ({ OR: [{ retiresAt: null }, { retiresAt: { gt: now } }] });

/** The integration an access key names, with the certificates that still verify at `now`. */
export const findIntegrationByAccessKey = (db: Db, accessKey: string, now: Date) =>
  db.integration.findUnique({ where: { accessKey }, include: { certificates: { where: usableAt(now), orderBy: { id: 'desc' } } } });

/**
 * The new certificate becomes current; the one it replaces keeps working until now + graceHours
 * (so merchants can roll their key), and any older one stops now.
 */
export async function replaceCertificate(db: Db, integrationId: number, cert: MerchantCertificate, graceHours: number, now: Date) {
  const graceUntil = new Date(now.getTime() + graceHours * HOUR_MS);
  await db.$transaction([
    db.integrationCertificate.updateMany({ where: { integrationId, retiresAt: { gt: now } }, data: { retiresAt: now } }),
    db.integrationCertificate.updateMany({ where: { integrationId, retiresAt: null }, data: { retiresAt: graceUntil } }),
    db.integrationCertificate.create({ data: { integrationId, ...cert, uploadedAt: now } }),
  ]);
}

export const setIntegrationMode = (db: Db, id: number, mode: IntegrationMode) => db.integration.update({ where: { id }, data: { mode } });
export const setIntegrationEnabled = (db: Db, id: number, enabled: boolean) => db.integration.update({ where: { id }, data: { enabled } });

const keyCache = new Map<string, KeyObject>();

/** The public keys of certificates (parsed once per process). */
export function merchantKeysOf(certificates: readonly { publicKeyPem: string }[]): KeyObject[] {
  return certificates.map(({ publicKeyPem }) => {
    let key = keyCache.get(publicKeyPem);
    if (!key) keyCache.set(publicKeyPem, (key = createPublicKey(publicKeyPem)));
    return key;
  });
}

/** For the admin list: every integration with the certificates that still count (current, and previous in grace). */
export async function listIntegrations(db: Db, now: Date) {
  return db.integration.findMany({ orderBy: { id: 'asc' }, include: { certificates: { where: usableAt(now), orderBy: { id: 'desc' } } } });
}
