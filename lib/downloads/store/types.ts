// The download endpoint's two hot statements, written once per provider on the
// driver under Prisma (lib/db/driver.ts): read the license with its product's file
// source in one query, and count + log in one atomic step.
import { DownloadEvent, FileSource, License, Product, ProductVersion } from '../../db/columns';
import { dateOf, numberOrNull, textOrNull, type Row } from '../../db/row-reader';

export interface LicenseWithSource {
  license: { id: number; productId: number; status: string; downloadLimit: number | null; downloadCount: number; expiresAt: Date | null };
  productSlug: string;
  source: {
    kind: string; fileName: string; contentType: string; storedName: string | null; externalUrl: string | null;
    s3Bucket: string | null; s3Key: string | null; s3ExpirySeconds: number;
    /** The published version the source is (lib/versions), with its SHA-256 when known. */
    versionId: number | null; sha256: string | null;
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
   * the license with its source either way (as it stands after this claim). `eventId` null:
   * nothing was written.
   */
  claimRedirect(licenseId: number, pathSlug: string, event: ClaimEvent): Promise<Claim>;
}

/** Where a redirect source sends the client, as the log records it; null for other or incomplete sources. */
export function redirectTarget(source: LicenseWithSource['source']): string | null {
  if (source?.kind === 'external') return source.externalUrl || null;
  if (source?.kind === 's3') return source.s3Bucket && source.s3Key ? `s3://${source.s3Bucket}/${source.s3Key}` : null;
  return null;
}

// The aliases LICENSE_WITH_SOURCE_FROM and CLAIM_SOURCE_JOIN give the tables.
const l = License.as('l'), p = Product.as('p'), f = FileSource.as('f'), v = ProductVersion.as('v');

/** Columns selected under their own names, as [select list entry, name in the result]. */
const ownNames = <C extends string>(table: Record<C, string>, columns: readonly C[]) =>
  columns.map((column) => [table[column], column] as const);

// What toLicenseWithSource reads: [select list entry, name in the result].
const LICENSE_WITH_SOURCE_FIELDS: readonly (readonly [entry: string, name: string])[] = [
  ...ownNames(l, ['id', 'productId', 'expiresAt', 'status', 'downloadLimit', 'downloadCount']),
  [`${p.slug} AS "productSlug"`, 'productSlug'],
  ...ownNames(f, ['kind', 'fileName', 'contentType', 'storedName', 'externalUrl', 's3Bucket', 's3Key', 's3ExpirySeconds', 'versionId']),
  [`${v.sha256} AS "versionSha256"`, 'versionSha256'],
];

/** The columns toLicenseWithSource reads, over "License" `l`, "Product" `p`, "FileSource" `f` and its "ProductVersion" `v`. */
export const LICENSE_WITH_SOURCE_COLUMNS = LICENSE_WITH_SOURCE_FIELDS.map(([entry]) => entry).join(', ');

/** The same columns by their names in a row set `r` that selected LICENSE_WITH_SOURCE_COLUMNS. */
export const LICENSE_WITH_SOURCE_NAMES = (r: string) => LICENSE_WITH_SOURCE_FIELDS.map(([, name]) => `${r}."${name}"`).join(', ');

export const LICENSE_WITH_SOURCE_FROM =
  `${License} l JOIN ${Product} p ON ${p.id} = ${l.productId} LEFT JOIN ${FileSource} f ON ${f.productId} = ${l.productId}
  LEFT JOIN ${ProductVersion} v ON ${v.id} = ${f.versionId}`;

export const SELECT_LICENSE_WITH_SOURCE = `${LICENSE_WITH_SOURCE_COLUMNS} FROM ${LICENSE_WITH_SOURCE_FROM}`;

const downloadCount = License.col('downloadCount');

/** What counting a download writes on "License": the SET clause of every counting UPDATE, both providers. */
export const COUNT_ASSIGNMENTS = (at: string, clientKey: string) =>
  `${downloadCount} = ${downloadCount} + 1, ${License.col('lastCountedAt')} = ${at}, ${License.col('lastClientKey')} = ${clientKey}`;

/** redirectTarget in SQL, over a "FileSource" row aliased `alias`, for a statement that logs as it counts. */
export const REDIRECT_TARGET_SQL = (alias: string) => {
  const source = FileSource.as(alias);
  return `CASE ${source.kind} WHEN 's3' THEN 's3://' || ${source.s3Bucket} || '/' || ${source.s3Key} ELSE ${source.externalUrl} END`;
};

/** The license aliased `alias` (a "License" row) may be counted: it is the one asked for, active, and under its limit. */
export const GRANT_CONDITION = (id: string, alias: string = `${License}`) => {
  const license = License.as(alias);
  return `${license.id} = ${id} AND ${license.status} = 'active'
  AND (${license.downloadLimit} IS NULL OR ${license.downloadCount} < ${license.downloadLimit})`;
};

/** The SQL form of `redirectTarget(f) !== null`, over a "FileSource" row aliased `alias`. */
const REDIRECT_SOURCE_COMPLETE = (alias: string) => {
  const source = FileSource.as(alias);
  return `((${source.kind} = 'external' AND COALESCE(${source.externalUrl}, '') <> '')
  OR (${source.kind} = 's3' AND COALESCE(${source.s3Bucket}, '') <> '' AND COALESCE(${source.s3Key}, '') <> ''))`;
};

const NOT_EXPIRED = (alias: string, at: string) => {
  const license = License.as(alias);
  return `(${license.expiresAt} IS NULL OR ${license.expiresAt} >= ${at})`;
};

export const EVENT_COLUMNS = DownloadEvent.list(
  'licenseId', 'productId', 'at', 'source', 'ip', 'userAgent', 'clientKey', 'bytes', 'rangeStart', 'redirectTo', 'counted',
);

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
      versionId: numberOrNull(row.versionId), sha256: textOrNull(row.versionSha256),
    },
  };
}

/** What a redirect claim's UPDATE of "License" `l` joins: its product `p`, that product's file source `f` and its version `v`. */
export const CLAIM_SOURCE_JOIN = `${Product} p JOIN ${FileSource} f ON ${f.productId} = ${p.id} LEFT JOIN ${ProductVersion} v ON ${v.id} = ${f.versionId}`;

/**
 * The redirect claim's condition, on "License" `l` joined with CLAIM_SOURCE_JOIN, for both
 * providers: the grant condition, not expired at `at`, the token's product `slug`, and a complete
 * redirect source. A refused claim is explained by the ordinary checks on what was read.
 */
export const CLAIM_CONDITION = (id: string, at: string, slug: string) => `${GRANT_CONDITION(id, 'l')}
  AND ${l.productId} = ${p.id} AND ${p.slug} = ${slug} AND ${NOT_EXPIRED('l', at)} AND ${REDIRECT_SOURCE_COMPLETE('f')}`;
