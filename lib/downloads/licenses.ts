// Licenses: created at purchase, managed by admins (the order page lists them from lib/orders/view.ts).
import type { Db, Tx } from '../db/client';
import { licenseExpiry } from './license-rules';

type LicenseWriter = Pick<Tx, 'license' | 'product'>;

/** A paid line of a download product gets one license, with the product's current defaults. */
export async function createLicense(tx: LicenseWriter, line: { orderId: number; orderItemId: number; productId: number }, now: Date) {
  const product = await tx.product.findUniqueOrThrow({ where: { id: line.productId }, select: { downloadLimit: true, licenseDays: true } });
  await tx.license.create({
    data: {
      orderId: line.orderId, orderItemId: line.orderItemId, productId: line.productId, status: 'active', createdAt: now,
      downloadLimit: product.downloadLimit, expiresAt: licenseExpiry(now, product.licenseDays),
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
