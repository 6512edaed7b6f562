// The download endpoint's decisions, in the documented order: token, product,
// license, limit. Counting is one conditional UPDATE, so the limit holds under
// any number of parallel requests on SQLite and PostgreSQL alike. The common path
// is two statements on the driver (./store); the rare ones use Prisma.
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { clientKey, type DownloadClient } from './client';
import { DownloadLimitReached, FileUnavailable, LicenseNotFound, LicenseRevoked, WrongProduct } from './errors';
import { assertLicenseUsable } from './license-rules';
import { downloadStore, type EventRow } from './store';
import { verifyDownloadToken } from './token';

/** A second click from the same client within this window does not use up another download. */
export const DOUBLE_CLICK_WINDOW_MS = 10_000;
/** A Range request continuing a download counted within this window is not counted again. */
export const RESUME_WINDOW_MS = 60 * 60_000;

export async function resolveDownload(db: Db, token: string, pathSlug: string, ring: KeyRing, now: Date) {
  const payload = verifyDownloadToken(token, ring, Math.floor(now.getTime() / 1000));
  if (payload.product_slug !== pathSlug) throw new WrongProduct();
  const found = await downloadStore(db).licenseWithSource(payload.license_id);
  if (!found) throw new LicenseNotFound();
  const { license, source } = found;
  if (found.productSlug !== pathSlug) throw new WrongProduct('the license is for another product');
  assertLicenseUsable(license, now);
  if (!source || source.kind === 'none') throw new FileUnavailable();
  return { license, product: { id: license.productId, slug: found.productSlug }, source };
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
  const row: EventRow = {
    licenseId: license.id, productId: resolved.product.id, at: now, source: record.source,
    ip: record.client.ip.slice(0, 100), userAgent: record.client.userAgent.slice(0, 500), clientKey: key,
    bytes: record.bytes ?? null, rangeStart: record.rangeStart ?? null, redirectTo: record.redirectTo ?? null,
  };
  const logUncounted = async () => {
    const { bytes, rangeStart, ...rest } = row;
    await db.downloadEvent.create({
      data: { ...rest, bytes: bytes === null ? null : BigInt(bytes), rangeStart: rangeStart === null ? null : BigInt(rangeStart), counted: false },
      select: { id: true },
    });
    return false;
  };

  if (record.rangeStart && record.rangeStart > 0) {
    const earlier = await db.downloadEvent.findFirst({
      where: { licenseId: license.id, clientKey: key, counted: true, at: { gte: new Date(now.getTime() - RESUME_WINDOW_MS) } },
      select: { id: true },
    });
    if (earlier) return logUncounted();
  }
  const doubleClickSince = new Date(now.getTime() - DOUBLE_CLICK_WINDOW_MS);
  if (await downloadStore(db).countAndLog(row, doubleClickSince)) return true;
  // Not granted: why, from the license as stored now.
  const current = await db.license.findUniqueOrThrow({ where: { id: license.id } });
  if (current.status !== 'active') throw new LicenseRevoked();
  if (current.lastClientKey === key && current.lastCountedAt && current.lastCountedAt >= doubleClickSince) return logUncounted();
  throw new DownloadLimitReached();
}
