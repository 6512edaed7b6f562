// PostgreSQL: one query to read, one statement (a data-modifying CTE) to count and
// log, and one that does both for a redirect; each a single round trip on the pool Prisma uses.
import type pg from 'pg';
import { UTC_TIMESTAMPS } from '../../db/row-reader';
import {
  CLAIM_CONDITION, COUNT_ASSIGNMENTS, EVENT_COLUMNS, GRANT_CONDITION, REDIRECT_TARGET_SQL, SELECT_LICENSE_WITH_SOURCE, toLicenseWithSource,
  type DownloadStore, type EventRow,
} from './types';

// timestamp(3) columns hold UTC; passed as text without a zone, so no time zone can shift them.
const utc = (date: Date) => date.toISOString().slice(0, 23);

const READ = `SELECT ${SELECT_LICENSE_WITH_SOURCE} WHERE l."id" = $1`;

export function postgresStore(pool: pg.Pool): DownloadStore {
  return {
    async licenseWithSource(licenseId) {
      const { rows } = await pool.query({ name: 'download-license', text: READ, values: [licenseId], types: UTC_TIMESTAMPS });
      return rows.length === 0 ? null : toLicenseWithSource(rows[0]);
    },
    async claimRedirect(licenseId, pathSlug, event) {
      // The read sees the license as it was before this statement's own UPDATE: refusals are
      // explained from it, and a granted claim needs only its source.
      const { rows } = await pool.query({
        name: 'download-claim-redirect',
        text: `WITH found AS (${READ}),
          granted AS (
            UPDATE "License" SET ${COUNT_ASSIGNMENTS('$3::timestamp(3)', '$2')}
            WHERE ${CLAIM_CONDITION((n) => `$${n}`, '$3::timestamp(3)', '$4')} RETURNING "id"),
          logged AS (
            INSERT INTO "DownloadEvent" (${EVENT_COLUMNS})
            SELECT g."id", f."productId", $3::timestamp(3), f."kind", $5, $6, $2, NULL, NULL,
              ${REDIRECT_TARGET_SQL('f')}, true
            FROM granted g CROSS JOIN found f
            RETURNING "id")
          SELECT found.*, (SELECT "id" FROM logged) AS "eventId" FROM found`,
        values: [licenseId, event.clientKey, utc(event.at), pathSlug, event.ip, event.userAgent],
        types: UTC_TIMESTAMPS,
      });
      if (rows.length === 0) return { found: null, eventId: null };
      return { found: toLicenseWithSource(rows[0]), eventId: rows[0].eventId === null ? null : Number(rows[0].eventId) };
    },
    async countAndLog(row: EventRow) {
      const result = await pool.query({
        name: 'download-count',
        text: `WITH granted AS (
            UPDATE "License" SET ${COUNT_ASSIGNMENTS('$3::timestamp(3)', '$2')}
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
