// The download endpoint's two hot statements, written once per provider on the
// driver under Prisma (lib/db/driver.ts): read the license with its product's file
// source in one query, and count + log in one atomic step.

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

export interface DownloadStore {
  licenseWithSource(licenseId: number): Promise<LicenseWithSource | null>;
  /** Counts one download if the license allows it and logs it as counted: the event's id, or null (nothing written). */
  countAndLog(row: EventRow): Promise<number | null>;
}

export const SELECT_LICENSE_WITH_SOURCE = `
  l."id", l."productId", l."status", l."downloadLimit", l."downloadCount", p."slug" AS "productSlug",
  f."kind", f."fileName", f."contentType", f."storedName", f."externalUrl", f."s3Bucket", f."s3Key", f."s3ExpirySeconds"
  FROM "License" l JOIN "Product" p ON p."id" = l."productId" LEFT JOIN "FileSource" f ON f."productId" = l."productId"`;

export const GRANT_CONDITION = (p: (n: number) => string) => `"id" = ${p(1)} AND "status" = 'active'
  AND ("downloadLimit" IS NULL OR "downloadCount" < "downloadLimit")`;

export const EVENT_COLUMNS = '"licenseId", "productId", "at", "source", "ip", "userAgent", "clientKey", "bytes", "rangeStart", "redirectTo", "counted"';

type Row = Record<string, unknown>;

export function toLicenseWithSource(row: Row, expiresAt: Date | null): LicenseWithSource {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    license: {
      id: Number(row.id), productId: Number(row.productId), status: String(row.status),
      downloadLimit: num(row.downloadLimit), downloadCount: Number(row.downloadCount), expiresAt,
    },
    productSlug: String(row.productSlug),
    source: row.kind === null || row.kind === undefined ? null : {
      kind: String(row.kind), fileName: String(row.fileName), contentType: String(row.contentType),
      storedName: (row.storedName as string | null) ?? null, externalUrl: (row.externalUrl as string | null) ?? null,
      s3Bucket: (row.s3Bucket as string | null) ?? null, s3Key: (row.s3Key as string | null) ?? null,
      s3ExpirySeconds: Number(row.s3ExpirySeconds),
    },
  };
}
