// PostgreSQL: one query to read, one statement (a data-modifying CTE) to count and
// log, each a single round trip on the pool Prisma uses.
import type pg from 'pg';
import { EVENT_COLUMNS, GRANT_CONDITION, SELECT_LICENSE_WITH_SOURCE, toLicenseWithSource, type DownloadStore, type EventRow } from './types';

// timestamp(3) columns hold UTC; passed as text without a zone, so no time zone can shift them.
const utc = (date: Date) => date.toISOString().slice(0, 23);

export function postgresStore(pool: pg.Pool): DownloadStore {
  return {
    async licenseWithSource(licenseId) {
      const { rows } = await pool.query({
        name: 'download-license',
        text: `SELECT EXTRACT(EPOCH FROM l."expiresAt") * 1000 AS "expiresAtMs", ${SELECT_LICENSE_WITH_SOURCE} WHERE l."id" = $1`,
        values: [licenseId],
      });
      if (rows.length === 0) return null;
      return toLicenseWithSource(rows[0], rows[0].expiresAtMs === null ? null : new Date(Number(rows[0].expiresAtMs)));
    },
    async countAndLog(row: EventRow, doubleClickSince: Date) {
      const p = (n: number) => (n === 2 ? '$2::timestamp(3)' : `$${n}`);
      const result = await pool.query({
        name: 'download-count',
        text: `WITH granted AS (
            UPDATE "License" SET "downloadCount" = "downloadCount" + 1, "lastCountedAt" = $4::timestamp(3), "lastClientKey" = $3
            WHERE ${GRANT_CONDITION(p)} RETURNING "id")
          INSERT INTO "DownloadEvent" (${EVENT_COLUMNS})
          SELECT "id", $5, $4::timestamp(3), $6, $7, $8, $3, $9::bigint, $10::bigint, $11, true FROM granted`,
        values: [row.licenseId, utc(doubleClickSince), row.clientKey, utc(row.at), row.productId, row.source, row.ip,
          row.userAgent, row.bytes, row.rangeStart, row.redirectTo],
      });
      return result.rowCount === 1;
    },
  };
}
