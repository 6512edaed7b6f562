// The download endpoint's decisions, in the documented order: token, product,
// license, limit. Counting is one conditional UPDATE, so the limit holds under
// any number of parallel requests on SQLite and PostgreSQL alike.
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { clientKey, type DownloadClient } from './client';
import { DownloadLimitReached, FileUnavailable, LicenseNotFound, LicenseRevoked, WrongProduct } from './errors';
import { assertLicenseUsable } from './license-rules';
import { verifyDownloadToken } from './token';

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
  /** Local files: the whole file's size, to tell a resume from a download already complete. */
  fileSize?: number;
  redirectTo?: string;
}

export interface RecordedDownload { counted: boolean; eventId: number }

/** Counts (or recognises a resume) and logs the download. */
export async function recordDownload(db: Db, resolved: ResolvedDownload, record: DownloadRecord, now: Date): Promise<RecordedDownload> {
  const { license } = resolved;
  const key = clientKey(record.client);
  return db.$transaction(async (tx) => {
    const counted = !(await continuesUnfinishedDownload(tx, license.id, key, record, now)) && await countDownload(tx, license, key, now);
    const event = await tx.downloadEvent.create({
      data: {
        licenseId: license.id, productId: resolved.product.id, at: now, source: record.source,
        ip: record.client.ip.slice(0, 100), userAgent: record.client.userAgent.slice(0, 500), clientKey: key,
        bytes: record.bytes === undefined ? null : BigInt(record.bytes),
        rangeStart: record.rangeStart === undefined ? null : BigInt(record.rangeStart),
        redirectTo: record.redirectTo ?? null, counted,
      },
      select: { id: true },
    });
    return { counted, eventId: event.id };
  });
}

/** A response cut short: the log keeps what was really sent, so the client may resume the rest uncounted. */
export async function recordBytesSent(db: Db, eventId: number, bytesSent: number): Promise<void> {
  await db.downloadEvent.update({ where: { id: eventId }, data: { bytes: BigInt(bytesSent) } });
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * The one case a request goes uncounted (docs/specs/download-tokens.md, "Counting"): a Range
 * request after byte 0 from the client whose download was the license's last counted one,
 * within the hour, while that download and its resumes have not yet sent the file's last byte.
 * So a full-file request always counts, and nothing resumes once the file was delivered or
 * another download has counted since.
 */
async function continuesUnfinishedDownload(tx: Tx, licenseId: number, key: string, record: DownloadRecord, now: Date): Promise<boolean> {
  if (!record.rangeStart || record.fileSize === undefined) return false;
  const license = await tx.license.findUniqueOrThrow({ where: { id: licenseId }, select: { lastClientKey: true, lastCountedAt: true } });
  if (license.lastClientKey !== key || !license.lastCountedAt) return false;
  if (license.lastCountedAt.getTime() < now.getTime() - RESUME_WINDOW_MS) return false;
  const sent = await tx.downloadEvent.findMany({
    where: { licenseId, clientKey: key, at: { gte: license.lastCountedAt } },
    select: { rangeStart: true, bytes: true },
  });
  const reachedEnd = sent.some((event) => Number(event.rangeStart ?? 0n) + Number(event.bytes ?? 0n) >= record.fileSize!);
  const furthest = Math.max(0, ...sent.map((event) => Number(event.rangeStart ?? 0n) + Number(event.bytes ?? 0n)));
  return sent.length > 0 && !reachedEnd && record.rangeStart <= furthest;
}

async function countDownload(tx: Tx, license: ResolvedDownload['license'], key: string, now: Date): Promise<boolean> {
  const granted = await tx.license.updateMany({
    where: {
      id: license.id,
      status: 'active',
      // The limit as stored now (an admin may have just changed it), compared in the UPDATE itself.
      OR: [{ downloadLimit: null }, { downloadCount: { lt: tx.license.fields.downloadLimit } }],
    },
    data: { downloadCount: { increment: 1 }, lastCountedAt: now, lastClientKey: key },
  });
  if (granted.count === 1) return true;
  const current = await tx.license.findUniqueOrThrow({ where: { id: license.id } });
  if (current.status !== 'active') throw new LicenseRevoked();
  throw new DownloadLimitReached();
}
