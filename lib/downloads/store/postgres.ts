// PostgreSQL: one query to read, one statement (a data-modifying CTE) to count and
// log, and one that does both for the redirects that arrive together (group commit);
// each a single round trip on the pool Prisma uses.
import type pg from 'pg';
import { groupCommit } from '../../db/group-commit';
import { UTC_TIMESTAMPS } from '../../db/row-reader';
import {
  CLAIM_CONDITION, COUNT_ASSIGNMENTS, EVENT_COLUMNS, GRANT_CONDITION, REDIRECT_TARGET_SQL, SELECT_LICENSE_WITH_SOURCE, toLicenseWithSource,
  type Claim, type ClaimEvent, type DownloadStore, type EventRow,
} from './types';

// timestamp(3) columns hold UTC; passed as text without a zone, so no time zone can shift them.
const utc = (date: Date) => date.toISOString().slice(0, 23);

const READ = `SELECT ${SELECT_LICENSE_WITH_SOURCE} WHERE l."id" = $1`;
const READ_MANY = `SELECT ${SELECT_LICENSE_WITH_SOURCE} WHERE l."id" IN (SELECT "licenseId" FROM claim)`;

interface ClaimRequest { licenseId: number; pathSlug: string; event: ClaimEvent; at: string }

// Every claim of a batch as one row of `claim`, in one statement: the UPDATE … FROM changes each
// license once (group commit keeps a license to one claim per batch), so each claim's condition
// is checked exactly as in a statement of its own. `found` sees the licenses as they were before
// this statement's UPDATE: refusals are explained from it, and a granted claim needs only its source.
const CLAIM_BATCH = `WITH claim AS (
    SELECT * FROM unnest($1::int[], $2::text[], $3::timestamp(3)[], $4::text[], $5::text[], $6::text[])
      AS c("licenseId", "clientKey", "at", "slug", "ip", "userAgent")),
  found AS (${READ_MANY}),
  granted AS (
    UPDATE "License" SET ${COUNT_ASSIGNMENTS('c."at"', 'c."clientKey"')}
    FROM claim c
    WHERE ${CLAIM_CONDITION(() => 'c."licenseId"', 'c."at"', 'c."slug"')}
    RETURNING "License"."id"),
  logged AS (
    INSERT INTO "DownloadEvent" (${EVENT_COLUMNS})
    SELECT g."id", f."productId", c."at", f."kind", c."ip", c."userAgent", c."clientKey", NULL, NULL,
      ${REDIRECT_TARGET_SQL('f')}, true
    FROM granted g JOIN claim c ON c."licenseId" = g."id" JOIN found f ON f."id" = g."id"
    RETURNING "id", "licenseId")
  SELECT found.*, logged."id" AS "eventId" FROM found LEFT JOIN logged ON logged."licenseId" = found."id"`;

export function postgresStore(pool: pg.Pool): DownloadStore {
  // Claims in ascending license order, so two batches (from two shop processes) lock shared rows
  // in the same order rather than deadlock.
  const claimTogether = groupCommit(async (batch: ClaimRequest[]): Promise<Claim[]> => {
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
    const byLicense = new Map(rows.map((row) => [Number(row.id), row]));
    return batch.map(({ licenseId }) => {
      const row = byLicense.get(licenseId);
      if (!row) return { found: null, eventId: null };
      return { found: toLicenseWithSource(row), eventId: row.eventId === null ? null : Number(row.eventId) };
    });
  }, { keyOf: (claim) => claim.licenseId });

  return {
    async licenseWithSource(licenseId) {
      const { rows } = await pool.query({ name: 'download-license', text: READ, values: [licenseId], types: UTC_TIMESTAMPS });
      return rows.length === 0 ? null : toLicenseWithSource(rows[0]);
    },
    claimRedirect(licenseId, pathSlug, event) {
      try {
        return claimTogether({ licenseId, pathSlug, event, at: utc(event.at) });
      } catch (error) {
        return Promise.reject(error);
      }
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
