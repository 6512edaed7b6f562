// SQLite: prepared statements on Prisma's own connection. Counting is an UPDATE
// then, if it matched, the INSERT, in one transaction taken through the adapter's
// lock so it never lands inside a Prisma transaction that is still open.
import type { Statement } from 'better-sqlite3';
import type { SqliteConnection } from '../../db/driver';
import { EVENT_COLUMNS, GRANT_CONDITION, SELECT_LICENSE_WITH_SOURCE, toLicenseWithSource, type DownloadStore, type EventRow } from './types';

// As Prisma writes DateTime on SQLite: ISO text with an explicit offset, so text order is time order.
const iso = (date: Date) => date.toISOString().replace('Z', '+00:00');

const statements = new WeakMap<object, { read: Statement; count: Statement; log: Statement; commit: Statement; rollback: Statement }>();

function prepared({ client }: SqliteConnection) {
  let s = statements.get(client);
  if (!s) {
    const prepare = (sql: string) => client.prepare(sql).safeIntegers(false);
    const p = (n: number) => `@p${n}`;
    s = {
      read: prepare(`SELECT l."expiresAt" AS "expiresAt", ${SELECT_LICENSE_WITH_SOURCE} WHERE l."id" = @p1`),
      count: prepare(`UPDATE "License" SET "downloadCount" = "downloadCount" + 1, "lastCountedAt" = @p4, "lastClientKey" = @p3 WHERE ${GRANT_CONDITION(p)}`),
      log: prepare(`INSERT INTO "DownloadEvent" (${EVENT_COLUMNS}) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, 1)`),
      commit: client.prepare('COMMIT'),
      rollback: client.prepare('ROLLBACK'),
    };
    statements.set(client, s);
  }
  return s;
}

export function sqliteStore(connection: () => Promise<SqliteConnection>): DownloadStore {
  return {
    async licenseWithSource(licenseId) {
      const row = prepared(await connection()).read.get({ p1: licenseId }) as Record<string, unknown> | undefined;
      if (!row) return null;
      return toLicenseWithSource(row, row.expiresAt ? new Date(String(row.expiresAt)) : null);
    },
    async countAndLog(row: EventRow) {
      const open = await connection();
      const s = prepared(open);
      const release = await open.begin();
      try {
        const granted = s.count.run({ p1: row.licenseId, p3: row.clientKey, p4: iso(row.at) }).changes === 1;
        let eventId: number | null = null;
        if (granted) {
          eventId = Number(s.log.run({
            p1: row.licenseId, p2: row.productId, p3: iso(row.at), p4: row.source, p5: row.ip, p6: row.userAgent, p7: row.clientKey,
            p8: row.bytes, p9: row.rangeStart, p10: row.redirectTo,
          }).lastInsertRowid);
        }
        s.commit.run();
        return eventId;
      } catch (error) {
        if (open.client.inTransaction) s.rollback.run();
        throw error;
      } finally {
        await release();
      }
    },
  };
}
