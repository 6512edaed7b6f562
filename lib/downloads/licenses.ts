// Licenses: created at purchase, managed by admins (the order page lists them from lib/orders/view.ts).
import type { Db, Tx } from '../db/client';
import { licenseExpiry } from './license-rules';

interface PaidLine { orderId: number; orderItemId: number; product: { id: number; downloadLimit: number | null; licenseDays: number | null } }

/** A paid line of a download product gets one license, with the product's defaults as it was priced. */
/** What a software product's license carries besides (lib/licenses/grant.ts makes it). */
export interface LicenseKeyFields { licenseKey: string; keyDigest: string; activationLimit: number | null }

export async function createLicense(tx: Pick<Tx, 'license'>, line: PaidLine, now: Date, key?: LicenseKeyFields) {
  const { product } = line;
  await tx.license.create({
    data: {
      orderId: line.orderId, orderItemId: line.orderItemId, productId: product.id, status: 'active', createdAt: now,
      downloadLimit: product.downloadLimit, expiresAt: licenseExpiry(now, product.licenseDays), ...key,
    },
  });
}

/** The line is taken back: its license refuses the next token and the next download. */
export async function revokeLicenseOf(tx: Pick<Tx, 'license'>, orderItemId: number, now: Date) {
  await tx.license.updateMany({ where: { orderItemId, status: { not: 'revoked' } }, data: { status: 'revoked', statusChangedAt: now } });
}

export function licensesWithLog(db: Db, orderId: number) {
  return db.license.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    include: { product: { select: { slug: true, name: true } }, downloads: { orderBy: { at: 'desc' }, take: 50 } },
  });
}

export function setLicenseStatus(db: Db, licenseId: number, status: 'active' | 'revoked', now: Date) {
  return db.license.update({ where: { id: licenseId }, data: { status, statusChangedAt: now } });
}

export function overrideLicense(db: Db, licenseId: number, values: { downloadLimit: number | null; expiresAt: Date | null }) {
  return db.license.update({ where: { id: licenseId }, data: values });
}
