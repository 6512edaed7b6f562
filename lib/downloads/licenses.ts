// Licenses: created at purchase, managed by admins (the order page lists them from lib/orders/view.ts).
import type { Db, Tx } from '../db/client';
import { licenseExpiry } from './license-rules';
import { recordWebhookEvent, recordWebhookEventOnce, type WebhookWriter } from '../webhooks/record';

interface PaidLine { orderId: number; orderItemId: number; product: { id: number; downloadLimit: number | null; licenseDays: number | null } }

/** What a software product's license carries besides (lib/licenses/grant.ts makes it). */
export interface LicenseKeyFields { licenseKey: string; keyDigest: string; activationLimit: number | null }

/** A paid line of a download product gets one license, with the product's defaults as it was priced. */
export async function createLicense(tx: Pick<Tx, 'license'>, line: PaidLine, now: Date, key?: LicenseKeyFields) {
  const { product } = line;
  await tx.license.create({
    data: {
      orderId: line.orderId, orderItemId: line.orderItemId, productId: product.id, status: 'active', createdAt: now,
      downloadLimit: product.downloadLimit, expiresAt: licenseExpiry(now, product.licenseDays), ...key,
    },
  });
}

type LicenseWriter = Pick<Tx, 'license'> & WebhookWriter;

const ANNOUNCED = { id: true, product: { select: { slug: true } }, order: { select: { number: true, integrationId: true, testMode: true } } } as const;

/** The `license.revoked` webhook of each license just revoked, in the revoking transaction. */
async function announceRevoked(tx: LicenseWriter, licenseIds: readonly number[], reason: string, now: Date) {
  if (licenseIds.length === 0) return;
  const licenses = await tx.license.findMany({ where: { id: { in: [...licenseIds] } }, select: ANNOUNCED });
  for (const license of licenses) {
    await recordWebhookEvent(tx, {
      type: 'license.revoked', at: now, integrationId: license.order.integrationId,
      data: { license: { id: license.id, product: license.product.slug }, order: { number: license.order.number, test: license.order.testMode }, reason },
    });
  }
}

/** The line is taken back: its license refuses the next token and the next download. */
export async function revokeLicenseOf(tx: LicenseWriter, orderItemId: number, now: Date) {
  const active = await tx.license.findMany({ where: { orderItemId, status: { not: 'revoked' } }, select: { id: true } });
  await tx.license.updateMany({ where: { orderItemId, status: { not: 'revoked' } }, data: { status: 'revoked', statusChangedAt: now } });
  await announceRevoked(tx, active.map((license) => license.id), 'order line taken back', now);
}

/**
 * A counted download used the license's last one (or one was refused for it): `download.limit_reached`,
 * once per license. Written just after the count (the hot path counts outside Prisma).
 */
export async function announceLimitReached(db: Db, licenseId: number, now: Date) {
  const license = await db.license.findUnique({ where: { id: licenseId }, select: { ...ANNOUNCED, downloadLimit: true, downloadCount: true } });
  if (!license || license.downloadLimit === null || license.downloadCount < license.downloadLimit) return;
  await recordWebhookEventOnce(db, {
    type: 'download.limit_reached', at: now, integrationId: license.order.integrationId, onceKey: `download.limit_reached:license:${license.id}`,
    data: { license: { id: license.id, product: license.product.slug, downloadLimit: license.downloadLimit, downloadCount: license.downloadCount }, order: { number: license.order.number, test: license.order.testMode } },
  });
}

export function licensesWithLog(db: Db, orderId: number) {
  return db.license.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    include: { product: { select: { slug: true, name: true } }, downloads: { orderBy: { at: 'desc' }, take: 50 } },
  });
}

/** An admin's switch; revoking an active license sends `license.revoked`. */
export function setLicenseStatus(db: Db, licenseId: number, status: 'active' | 'revoked', now: Date) {
  return db.$transaction(async (tx) => {
    const before = await tx.license.findUniqueOrThrow({ where: { id: licenseId }, select: { status: true } });
    const updated = await tx.license.update({ where: { id: licenseId }, data: { status, statusChangedAt: now } });
    if (status === 'revoked' && before.status !== 'revoked') await announceRevoked(tx, [licenseId], 'revoked by an admin', now);
    return updated;
  });
}

export function overrideLicense(db: Db, licenseId: number, values: { downloadLimit: number | null; expiresAt: Date | null }) {
  return db.license.update({ where: { id: licenseId }, data: values });
}
