// The download endpoint's two hot statements, written once per provider on the
// driver under Prisma (lib/db/driver.ts): read the license with its product's file
// source in one query, and count + log in one atomic step.
import { dateOf, numberOrNull, textOrNull, type Row } from '../../db/row-reader';

export interface LicenseWithSource {
  license: { id: number; productId: number; status: string; downloadLimit: number | null; downloadCount: number; expiresAt: Date | null };
  productSlug: string;
  source: {
    kind: string; fileName: string; contentType: string; storedName: string | null; externalUrl: string | null;
    s3Bucket: string | null; s3Key: string | null; s3ExpirySeconds: number;
  } | null;
}

export interface EventRow {
  licenseId: number; productId: number; at: Date; source: string; ip: string; userAgent: string;
  clientKey: string; bytes: number | null; rangeStart: number | null; redirectTo: string | null;
}

/** Who asked and when: the part of a download event a redirect claim cannot read from the license. */
export type ClaimEvent = Pick<EventRow, 'at' | 'ip' | 'userAgent' | 'clientKey'>;

export interface Claim { found: LicenseWithSource | null; eventId: number | null }

export interface DownloadStore {
  licenseWithSource(licenseId: number): Promise<LicenseWithSource | null>;
  /** Counts one download if the license allows it and logs it as counted: the event's id, or null (nothing written). */
  countAndLog(row: EventRow): Promise<number | null>;
  /**
   * A GET in one atomic step: counts and logs a redirect when CLAIM_CONDITION holds, and reads
   * the license with its source either way. `eventId` null: nothing was written.
   */
  claimRedirect(licenseId: number, pathSlug: string, event: ClaimEvent): Promise<Claim>;
}

/** Where a redirect source sends the client, as the log records it; null for other or incomplete sources. */
export function redirectTarget(source: LicenseWithSource['source']): string | null {
  if (source?.kind === 'external') return source.externalUrl || null;
  if (source?.kind === 's3') return source.s3Bucket && source.s3Key ? `s3://${source.s3Bucket}/${source.s3Key}` : null;
  return null;
}

export const SELECT_LICENSE_WITH_SOURCE = `
  l."id", l."productId", l."expiresAt", l."status", l."downloadLimit", l."downloadCount", p."slug" AS "productSlug",
  f."kind", f."fileName", f."contentType", f."storedName", f."externalUrl", f."s3Bucket", f."s3Key", f."s3ExpirySeconds"
  FROM "License" l JOIN "Product" p ON p."id" = l."productId" LEFT JOIN "FileSource" f ON f."productId" = l."productId"`;

/** What counting a download writes on "License": the SET clause of every counting UPDATE, both providers. */
export const COUNT_ASSIGNMENTS = (at: string, clientKey: string) =>
  `"downloadCount" = "downloadCount" + 1, "lastCountedAt" = ${at}, "lastClientKey" = ${clientKey}`;

/** redirectTarget in SQL, over a "FileSource" row `f`, for a statement that logs as it counts. */
export const REDIRECT_TARGET_SQL = (f: string) =>
  `CASE ${f}."kind" WHEN 's3' THEN 's3://' || ${f}."s3Bucket" || '/' || ${f}."s3Key" ELSE ${f}."externalUrl" END`;

export const GRANT_CONDITION = (p: (n: number) => string) => `"id" = ${p(1)} AND "status" = 'active'
  AND ("downloadLimit" IS NULL OR "downloadCount" < "downloadLimit")`;

export const EVENT_COLUMNS = '"licenseId", "productId", "at", "source", "ip", "userAgent", "clientKey", "bytes", "rangeStart", "redirectTo", "counted"';

export function toLicenseWithSource(row: Row): LicenseWithSource {
  return {
    license: {
      id: Number(row.id), productId: Number(row.productId), status: String(row.status),
      downloadLimit: numberOrNull(row.downloadLimit), downloadCount: Number(row.downloadCount), expiresAt: dateOf(row.expiresAt),
    },
    productSlug: String(row.productSlug),
    source: row.kind === null || row.kind === undefined ? null : {
      kind: String(row.kind), fileName: String(row.fileName), contentType: String(row.contentType),
      storedName: textOrNull(row.storedName), externalUrl: textOrNull(row.externalUrl),
      s3Bucket: textOrNull(row.s3Bucket), s3Key: textOrNull(row.s3Key),
      s3ExpirySeconds: Number(row.s3ExpirySeconds),
    },
  };
}

/**
 * The redirect claim's UPDATE condition on "License", for both providers: the grant condition,
 * not expired at `at`, the token's product `slug`, and a complete redirect source (the SQL form
 * of redirectTarget). A refused claim is explained by the ordinary checks on what was read.
 */
export const CLAIM_CONDITION = (p: (n: number) => string, at: string, slug: string) => `${GRANT_CONDITION(p)}
  AND ("expiresAt" IS NULL OR "expiresAt" >= ${at})
  AND EXISTS (SELECT 1 FROM "Product" cp JOIN "FileSource" cf ON cf."productId" = cp."id"
    WHERE cp."id" = "License"."productId" AND cp."slug" = ${slug}
    AND ((cf."kind" = 'external' AND COALESCE(cf."externalUrl", '') <> '')
      OR (cf."kind" = 's3' AND COALESCE(cf."s3Bucket", '') <> '' AND COALESCE(cf."s3Key", '') <> '')))`;
