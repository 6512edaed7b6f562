// Publishing and withdrawing versions. The product's file source (what the download endpoint
// reads) always follows the newest version not withdrawn, in the same transaction.
import type { Db, Tx } from '../db/client';
import { VersionNotFound, VersionTaken } from './errors';
import { queueUpdateNotices, type NoticeContext } from './notices';
import { latestVersion } from './published';

export type VersionFile =
  | { kind: 'local'; fileName: string; contentType: string; storedName: string; sha256: string; sizeBytes: number }
  | { kind: 'external'; fileName: string; externalUrl: string; sha256: string | null; sizeBytes: number | null }
  | { kind: 's3'; fileName: string; s3Bucket: string; s3Key: string; sha256: string; sizeBytes: number };

export interface NewVersion { productId: number; version: string; notes: string; file: VersionFile }

export interface Published { id: number; noticesQueued: number }

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'P2002';

/** `ctx` null: nobody is told (a demo's first file, attached before anyone bought it). */
export async function publishVersion(db: Db, input: NewVersion, ctx: NoticeContext | null, now: Date): Promise<Published> {
  const { file } = input;
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.productVersion.create({
        data: {
          productId: input.productId, version: input.version, notes: input.notes, kind: file.kind, fileName: file.fileName,
          contentType: file.kind === 'local' ? file.contentType : 'application/octet-stream',
          storedName: file.kind === 'local' ? file.storedName : null,
          externalUrl: file.kind === 'external' ? file.externalUrl : null,
          s3Bucket: file.kind === 's3' ? file.s3Bucket : null, s3Key: file.kind === 's3' ? file.s3Key : null,
          sha256: file.sha256, sizeBytes: file.sizeBytes === null ? null : BigInt(file.sizeBytes), publishedAt: now,
        },
      });
      const current = await followLatest(tx, input.productId, now);
      // Only a version that became the latest is news: publishing 1.0.1 after 2.0 tells no one.
      const noticesQueued = current === created.id && ctx ? await queueUpdateNotices(tx, created, ctx, now) : 0;
      return { id: created.id, noticesQueued };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new VersionTaken(`${input.version} of product ${input.productId}`);
    throw error;
  }
}

/** Withdrawn versions are kept (and listed to the admin) but never served again. Idempotent. */
export async function withdrawVersion(db: Db, productId: number, versionId: number, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await tx.productVersion.findFirst({ where: { id: versionId, productId }, select: { withdrawnAt: true } });
    if (!found) throw new VersionNotFound(`version ${versionId} of product ${productId}`);
    if (found.withdrawnAt) return;
    await tx.productVersion.update({ where: { id: versionId }, data: { withdrawnAt: now } });
    await followLatest(tx, productId, now);
  });
}

/**
 * Points the product's file source at its newest version not withdrawn (none left: no file).
 * The source's own S3 link lifetime and the name of the last direct upload are kept.
 */
export async function followLatest(tx: Tx, productId: number, now: Date): Promise<number | null> {
  const latest = await latestVersion(tx, productId);
  if (!latest) {
    await tx.fileSource.updateMany({ where: { productId }, data: { kind: 'none', versionId: null, updatedAt: now } });
    return null;
  }
  const v = await tx.productVersion.findUniqueOrThrow({ where: { id: latest.id } });
  const source = {
    kind: v.kind, fileName: v.fileName, contentType: v.contentType, externalUrl: v.externalUrl, s3Bucket: v.s3Bucket, s3Key: v.s3Key,
    ...(v.storedName ? { storedName: v.storedName } : {}), versionId: v.id, updatedAt: now,
  };
  await tx.fileSource.upsert({ where: { productId }, create: { productId, ...source }, update: source });
  return v.id;
}

/** Older versions may be picked by buyers only when the admin allows it. */
export async function setAllowOlderVersions(db: Db, productId: number, allow: boolean): Promise<void> {
  await db.product.update({ where: { id: productId }, data: { allowOlderVersions: allow } });
}

/** Every version of the product for the admin page, newest first, withdrawn ones included. */
export function versionsForAdmin(db: Db, productId: number) {
  return db.productVersion.findMany({ where: { productId }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }] });
}
