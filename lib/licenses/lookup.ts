// Finding a license by the key a client typed: by its keyed digests in the indexed column, then
// the stored key compared in constant time. A miss runs the same query and the same comparison
// (against a stand-in), so the time taken does not say whether, or how nearly, a key exists.
import type { Db, Tx } from '../db/client';
import type { KeyRing } from '../signing';
import { canonicalLicenseKey, licenseKeyDigests, sameLicenseKey } from './key';
import { LicenseKeyMalformed, LicenseKeyUnknown } from './errors';

export const KEYED_LICENSE = {
  id: true, licenseKey: true, status: true, expiresAt: true, createdAt: true, activationLimit: true, activationCount: true,
  orderId: true, orderItemId: true, productId: true,
  product: { select: { slug: true } }, orderItem: { select: { productName: true } },
} as const;

export interface KeyedLicense {
  id: number; licenseKey: string | null; status: string; expiresAt: Date | null; createdAt: Date;
  activationLimit: number | null; activationCount: number; orderId: number; orderItemId: number; productId: number;
  product: { slug: string }; orderItem: { productName: string };
}

export async function findLicenseByKey(db: Pick<Db | Tx, 'license'>, ring: KeyRing, typed: string): Promise<KeyedLicense> {
  const canonical = canonicalLicenseKey(typed);
  if (!canonical) throw new LicenseKeyMalformed();
  const row = await db.license.findFirst({ where: { keyDigest: { in: licenseKeyDigests(ring, canonical) } }, select: KEYED_LICENSE });
  if (!sameLicenseKey(row?.licenseKey, canonical)) throw new LicenseKeyUnknown();
  return row!;
}
