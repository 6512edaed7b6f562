// PostgreSQL: one query to read, one statement (a data-modifying CTE) to count and
// log, and one that counts, logs and reads the redirects that arrive together (group
// commit); each a single round trip on the pool Prisma uses.
import type pg from 'pg';
import { groupCommit } from '../../db/group-commit';
import { UTC_TIMESTAMPS } from '../../db/row-reader';
import {
  COUNT_ASSIGNMENTS, EVENT_COLUMNS, GRANT_CONDITION, LICENSE_WITH_SOURCE_COLUMNS, NOT_EXPIRED, REDIRECT_SOURCE_COMPLETE, REDIRECT_TARGET_SQL,
  SELECT_LICENSE_WITH_SOURCE, toLicenseWithSource,
  type Claim, type ClaimEvent, type DownloadStore, type EventRow,
} from './types';

// timestamp(3) columns hold UTC; passed as text without a zone, so no time zone can shift them.
const utc = (date: Date) => date.toISOString().slice(0, 23);

const READ = `SELECT ${SELECT_LICENSE_WITH_SOURCE} WHERE l."id" = $1`;

interface ClaimRequest { licenseId: number; pathSlug: string; event: ClaimEvent; at: string }

// Every claim of a batch is one row of `claim`, counted by one UPDATE … FROM that changes each
// license once (group commit keeps a license to one claim per batch), so each claim's condition
// is checked exactly as in a statement of its own. It answers for the granted claims only: a
// refused one is read again to be explained, which is rare and keeps this statement to a third
// of the server's time of one that also reads every license first (measured).
const CLAIM_BATCH = `WITH claim AS (
    SELECT * FROM unnest($1::int[], $2::text[], $3::timestamp(3)[], $4::text[], $5::text[], $6::text[])
      AS c("licenseId", "clientKey", "at", "slug", "ip", "userAgent")),
  granted AS (
    UPDATE "License" l SET ${COUNT_ASSIGNMENTS('c."at"', 'c."clientKey"')}
    FROM claim c JOIN "Product" p ON p."slug" = c."slug" JOIN "FileSource" f ON f."productId" = p."id"
    WHERE ${GRANT_CONDITION('c."licenseId"', 'l')} AND l."productId" = p."id" AND ${NOT_EXPIRED('l', 'c."at"')}
      AND ${REDIRECT_SOURCE_COMPLETE('f')}
    RETURNING ${LICENSE_WITH_SOURCE_COLUMNS}, c."at", c."ip", c."userAgent", c."clientKey"),
  logged AS (
    INSERT INTO "DownloadEvent" (${EVENT_COLUMNS})
    SELECT "id", "productId", "at", "kind", "ip", "userAgent", "clientKey", NULL, NULL, ${REDIRECT_TARGET_SQL('granted')}, true
    FROM granted
    RETURNING "id", "licenseId")
  SELECT granted.*, logged."id" AS "eventId" FROM granted JOIN logged ON logged."licenseId" = granted."id"`;

export function postgresStore(pool: pg.Pool): DownloadStore {
  // Claims in ascending license order, so two batches (from two shop processes) lock shared rows
  // in the same order rather than deadlock.
  const claimTogether = groupCommit(async (batch: ClaimRequest[]): Promise<(Claim | null)[]> => {
    const sorted = [...batch].sort((a, b) => a.licenseId - b.licenseId);
    const { rows } = await pool.query({
      name: 'download-claim-batch',
      text: CLAIM_BATCH,
      values: [
        sorted.map((c) => c.licenseId), sorted.map((c) => c.event.clientKey), sorted.map((c) => c.at),
        sorted.map((c) => c.pathSlug), sorted.map((c) => c.event.ip), sorted.map((c) => c.event.userAgent),
      ],
      types: UTC_TIMESTAMPS,
    });
    const granted = new Map(rows.map((row) => [Number(row.id), row]));
    return batch.map(({ licenseId }) => {
      const row = granted.get(licenseId);
      return row ? { found: toLicenseWithSource(row), eventId: Number(row.eventId) } : null;
    });
  }, { keyOf: (claim) => claim.licenseId });

  async function licenseWithSource(licenseId: number) {
    const { rows } = await pool.query({ name: 'download-license', text: READ, values: [licenseId], types: UTC_TIMESTAMPS });
    return rows.length === 0 ? null : toLicenseWithSource(rows[0]);
  }

  return {
    licenseWithSource,
    async claimRedirect(licenseId, pathSlug, event) {
      const granted = await claimTogether({ licenseId, pathSlug, event, at: utc(event.at) });
      return granted ?? { found: await licenseWithSource(licenseId), eventId: null };
    },
    async countAndLog(row: EventRow) {
      const result = await pool.query({
        name: 'download-count',
        text: `WITH granted AS (
            UPDATE "License" SET ${COUNT_ASSIGNMENTS('$3::timestamp(3)', '$2')}
            WHERE ${GRANT_CONDITION('$1')} RETURNING "id")
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
