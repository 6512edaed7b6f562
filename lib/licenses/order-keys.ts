// The keys an order's lines carry, for its confirmation email (in the order's transaction).
import type { Tx } from '../db/client';

export interface OrderLicenseKey { productName: string; licenseKey: string; activationLimit: number | null }

export async function licenseKeysOfOrder(tx: Pick<Tx, 'license'>, orderId: number): Promise<OrderLicenseKey[]> {
  const rows = await tx.license.findMany({
    where: { orderId, licenseKey: { not: null } }, orderBy: { id: 'asc' },
    select: { licenseKey: true, activationLimit: true, orderItem: { select: { productName: true } } },
  });
  return rows.map((row) => ({ productName: row.orderItem.productName, licenseKey: row.licenseKey!, activationLimit: row.activationLimit }));
}
