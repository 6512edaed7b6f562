// The download endpoint's decisions, in the documented order: token, product,
// license, limit. Counting is one conditional UPDATE, so the limit holds under
// any number of parallel requests on SQLite and PostgreSQL alike.
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { clientKey, type DownloadClient } from './client';
import { DownloadLimitReached, FileUnavailable, LicenseNotFound, LicenseRevoked, WrongProduct } from './errors';
import { assertLicenseUsable } from './license-rules';
import { verifyDownloadToken } from './token';

/** A second click from the same client within this window does not use up another download. */
export const DOUBLE_CLICK_WINDOW_MS = 10_000;
/** A Range request continuing a download counted within this window is not counted again. */
export const RESUME_WINDOW_MS = 60 * 60_000;

export async function resolveDownload(db: Db, token: string, pathSlug: string, ring: KeyRing, now: Date) {
  const payload = verifyDownloadToken(token, ring, Math.floor(now.getTime() / 1000));
  if (payload.product_slug !== pathSlug) throw new WrongProduct();
  const license = await db.license.findUnique({
    where: { id: payload.license_id },
    include: { product: { include: { fileSource: true } } },
  });
  if (!license) throw new LicenseNotFound();
  if (license.product.slug !== pathSlug) throw new WrongProduct('the license is for another product');
  assertLicenseUsable(license, now);
  if (!license.product.fileSource || license.product.fileSource.kind === 'none') throw new FileUnavailable();
  return { license, product: license.product, source: license.product.fileSource };
}

export type ResolvedDownload = Awaited<ReturnType<typeof resolveDownload>>;

export interface DownloadRecord {
  client: DownloadClient;
  source: string;
  bytes?: number;
  rangeStart?: number;
  redirectTo?: string;
}

/** Counts (or recognises a resume or double click) and logs the download; returns whether it was counted. */
export async function recordDownload(db: Db, resolved: ResolvedDownload, record: DownloadRecord, now: Date): Promise<boolean> {
  const { license } = resolved;
  const key = clientKey(record.client);
  return db.$transaction(async (tx) => {
    const counted = await countDownload(tx, license, key, record, now);
    await tx.downloadEvent.create({
      data: {
        licenseId: license.id, productId: resolved.product.id, at: now, source: record.source,
        ip: record.client.ip.slice(0, 100), userAgent: record.client.userAgent.slice(0, 500), clientKey: key,
        bytes: record.bytes === undefined ? null : BigInt(record.bytes),
        rangeStart: record.rangeStart === undefined ? null : BigInt(record.rangeStart),
        redirectTo: record.redirectTo ?? null, counted,
      },
    });
    return counted;
  });
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function countDownload(tx: Tx, license: ResolvedDownload['license'], key: string, record: DownloadRecord, now: Date): Promise<boolean> {
  if (record.rangeStart && record.rangeStart > 0) {
    const earlier = await tx.downloadEvent.findFirst({
      where: { licenseId: license.id, clientKey: key, counted: true, at: { gte: new Date(now.getTime() - RESUME_WINDOW_MS) } },
      select: { id: true },
    });
    if (earlier) return false;
  }
  const doubleClickSince = new Date(now.getTime() - DOUBLE_CLICK_WINDOW_MS);
  const granted = await tx.license.updateMany({
    where: {
      id: license.id,
      status: 'active',
      AND: [
        // The limit as stored now (an admin may have just changed it), compared in the UPDATE itself.
        { OR: [{ downloadLimit: null }, { downloadCount: { lt: tx.license.fields.downloadLimit } }] },
        { OR: [{ lastCountedAt: null }, { lastCountedAt: { lt: doubleClickSince } }, { lastClientKey: { not: key } }] },
      ],
    },
    data: { downloadCount: { increment: 1 }, lastCountedAt: now, lastClientKey: key },
  });
  if (granted.count === 1) return true;
  const current = await tx.license.findUniqueOrThrow({ where: { id: license.id } });
  if (current.status !== 'active') throw new LicenseRevoked();
  if (current.lastClientKey === key && current.lastCountedAt && current.lastCountedAt >= doubleClickSince) return false;
  throw new DownloadLimitReached();
}
