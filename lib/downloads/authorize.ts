// The download endpoint's decisions, in the documented order: token, product,
// license, limit. Counting is one conditional UPDATE, so the limit holds under
// any number of parallel requests on SQLite and PostgreSQL alike. The common paths
// are on the driver (./store): a redirect is one round trip, a local file two; the
// rare ones (a resume, a refusal) use Prisma.
import type { Db, Tx } from '../db/client';
import type { KeyRing } from '../signing';
import { clientKey, type DownloadClient } from './client';
import { DownloadLimitReached, FileUnavailable, LicenseNotFound, LicenseRevoked, WrongProduct } from './errors';
import { assertLicenseUsable } from './license-rules';
import { downloadStore, redirectTarget, type EventRow, type LicenseWithSource } from './store';
import { verifyDownloadToken } from './token';
import { announceLimitReached } from './licenses';

/** A Range request continuing a download counted within this window is not counted again. */
export const RESUME_WINDOW_MS = 60 * 60_000;

function verifiedFor(token: string, pathSlug: string, ring: KeyRing, now: Date) {
  const payload = verifyDownloadToken(token, ring, Math.floor(now.getTime() / 1000));
  if (payload.product_slug !== pathSlug) throw new WrongProduct();
  return payload;
}

function checked(found: LicenseWithSource | null, pathSlug: string, now: Date) {
  if (!found) throw new LicenseNotFound();
  const { license, source } = found;
  if (found.productSlug !== pathSlug) throw new WrongProduct('the license is for another product');
  assertLicenseUsable(license, now);
  if (!source || source.kind === 'none') throw new FileUnavailable();
  return { license, product: { id: license.productId, slug: found.productSlug }, source };
}

export async function resolveDownload(db: Db, token: string, pathSlug: string, ring: KeyRing, now: Date) {
  const payload = verifiedFor(token, pathSlug, ring, now);
  return checked(await downloadStore(db).licenseWithSource(payload.license_id), pathSlug, now);
}

/**
 * A GET: resolves like resolveDownload and, for a redirect source, counts and logs it in the
 * same round trip (`eventId`). A local source comes back uncounted: its file and Range decide
 * what recordDownload logs.
 */
export async function claimDownload(db: Db, token: string, pathSlug: string, ring: KeyRing, now: Date, client: DownloadClient) {
  const payload = verifiedFor(token, pathSlug, ring, now);
  const { ip, userAgent } = loggedClient(client);
  const { found, eventId } = await downloadStore(db).claimRedirect(payload.license_id, pathSlug, { at: now, ip, userAgent, clientKey: clientKey(client) });
  const resolved = checked(found, pathSlug, now);
  if (eventId === null && redirectTarget(resolved.source) !== null) await refuse(db, resolved.license.id);
  // A counted redirect comes back with the license as counted.
  if (eventId !== null && usedUp(resolved.license, 0)) await announceUsedUp(db, resolved.license.id, now);
  return { resolved, eventId };
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
  const row: EventRow = {
    licenseId: license.id, productId: resolved.product.id, at: now, source: record.source, ...loggedClient(record.client), clientKey: key,
    bytes: record.bytes ?? null, rangeStart: record.rangeStart ?? null, redirectTo: record.redirectTo ?? null,
  };
  if (record.rangeStart && record.fileSize !== undefined) {
    const resumed = await db.$transaction(async (tx) =>
      (await continuesUnfinishedDownload(tx, license.id, key, record, now)) ? logUncounted(tx, row) : null);
    if (resumed !== null) return { counted: false, eventId: resumed };
  }
  const eventId = await downloadStore(db).countAndLog(row);
  if (eventId === null) return refuse(db, license.id);
  // `license` was read before this count: at least one more has been counted since.
  if (usedUp(license, 1)) await announceUsedUp(db, license.id, now);
  return { counted: true, eventId };
}

const usedUp = (license: { downloadLimit: number | null; downloadCount: number }, since: number) =>
  license.downloadLimit !== null && license.downloadCount + since >= license.downloadLimit;

/** `download.limit_reached` (once per license); a failure to write it never fails the download. */
async function announceUsedUp(db: Db, licenseId: number, now: Date) {
  await announceLimitReached(db, licenseId, now).catch((error) => console.warn('[webhooks] download.limit_reached not recorded:', error));
}

/** Takes back a counted download the shop then failed to hand out: its count and its log entry. */
export async function refundDownload(db: Db, licenseId: number, eventId: number): Promise<void> {
  await db.$transaction([
    db.downloadEvent.delete({ where: { id: eventId } }),
    db.license.update({ where: { id: licenseId }, data: { downloadCount: { decrement: 1 } } }),
  ]);
}

/** A count that was not granted: why, from the license as stored now. */
async function refuse(db: Db, licenseId: number): Promise<never> {
  const current = await db.license.findUniqueOrThrow({ where: { id: licenseId }, select: { status: true } });
  if (current.status !== 'active') throw new LicenseRevoked();
  // Two downloads that reached the limit together may each have read a count below it.
  await announceUsedUp(db, licenseId, new Date());
  throw new DownloadLimitReached();
}

const loggedClient = (client: DownloadClient) => ({ ip: client.ip.slice(0, 100), userAgent: client.userAgent.slice(0, 500) });

async function logUncounted(tx: Tx, { bytes, rangeStart, ...rest }: EventRow): Promise<number> {
  const event = await tx.downloadEvent.create({
    data: { ...rest, bytes: bytes === null ? null : BigInt(bytes), rangeStart: rangeStart === null ? null : BigInt(rangeStart), counted: false },
    select: { id: true },
  });
  return event.id;
}

/** A response cut short: the log keeps what was really sent, so the client may resume the rest uncounted. */
export async function recordBytesSent(db: Db, eventId: number, bytesSent: number): Promise<void> {
  await db.downloadEvent.update({ where: { id: eventId }, data: { bytes: BigInt(bytesSent) } });
}

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
