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
    async countAndLog(row: EventRow) {
      const result = await pool.query({
        name: 'download-count',
        text: `WITH granted AS (
            UPDATE "License" SET "downloadCount" = "downloadCount" + 1, "lastCountedAt" = $3::timestamp(3), "lastClientKey" = $2
            WHERE ${GRANT_CONDITION((n) => `$${n}`)} RETURNING "id")
          INSERT INTO "DownloadEvent" (${EVENT_COLUMNS})
          SELECT "id", $4, $3::timestamp(3), $5, $6, $7, $2, $8::bigint, $9::bigint, $10, true FROM granted
          RETURNING "id"`,
        values: [row.licenseId, row.clientKey, utc(row.at), row.productId, row.source, row.ip,
          row.userAgent, row.bytes, row.rangeStart, row.redirectTo],
      });
      return result.rowCount === 1 ? Number(result.rows[0].id) : null;
    },
  };
}
