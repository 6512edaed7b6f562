// Licenses: created at purchase, managed by admins (the order page lists them from lib/orders/view.ts).
import type { Db } from '../db/client';
import { licenseExpiry } from './license-rules';

type LicenseWriter = Pick<Db, 'license'>;

interface PurchasedLine { id: number; productId: number }
interface ProductDefaults { id: number; kind: string; downloadLimit: number | null; licenseDays: number | null }

/** One license per order line of a digital product, with the product's current defaults. */
export async function createLicensesForOrder(
  db: LicenseWriter, orderId: number, lines: readonly PurchasedLine[], products: readonly ProductDefaults[], now: Date,
) {
  const byId = new Map(products.map((p) => [p.id, p]));
  const data = lines.flatMap((line) => {
    const product = byId.get(line.productId);
    if (product?.kind !== 'digital') return [];
    return [{
      orderId, orderItemId: line.id, productId: product.id, status: 'active', createdAt: now,
      downloadLimit: product.downloadLimit, expiresAt: licenseExpiry(now, product.licenseDays),
    }];
  });
  if (data.length > 0) await db.license.createMany({ data });
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
