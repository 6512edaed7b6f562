// What other capabilities read of a product's versions (the contract of issue 20: the update API in
// lib/licenses calls these). Withdrawn versions are never "published".
import type { Db, Tx } from '../db/client';
import { compareVersions } from './compare';

export interface PublishedVersion {
  id: number;
  version: string;
  notes: string;
  sha256: string | null;
  sizeBytes: number | null;
  publishedAt: Date;
}

const FIELDS = { id: true, version: true, notes: true, sha256: true, sizeBytes: true, publishedAt: true } as const;

type Row = { id: number; version: string; notes: string; sha256: string | null; sizeBytes: bigint | null; publishedAt: Date };

const toPublished = (row: Row): PublishedVersion => ({
  ...row, sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
});

type Reader = Pick<Db | Tx, 'productVersion'>;

/** The product's versions not withdrawn, newest first (by version string, then by publication). */
export async function publishedVersions(db: Reader, productId: number): Promise<PublishedVersion[]> {
  const rows = await db.productVersion.findMany({ where: { productId, withdrawnAt: null }, select: FIELDS });
  return rows.map(toPublished).sort(newestFirst);
}

export function newestFirst(a: Pick<PublishedVersion, 'version' | 'publishedAt' | 'id'>, b: Pick<PublishedVersion, 'version' | 'publishedAt' | 'id'>): number {
  return compareVersions(b.version, a.version) || b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id;
}

/** The newest version not withdrawn: what buyers get by default. */
export async function latestVersion(db: Reader, productId: number): Promise<PublishedVersion | null> {
  return (await publishedVersions(db, productId))[0] ?? null;
}

/** That version of that product, unless withdrawn. */
export async function versionById(db: Reader, productId: number, versionId: number): Promise<PublishedVersion | null> {
  const row = await db.productVersion.findFirst({ where: { id: versionId, productId, withdrawnAt: null }, select: FIELDS });
  return row ? toPublished(row) : null;
}
