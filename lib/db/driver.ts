// The connection under the Prisma client, for the paths that need the driver itself
// (the download endpoint and the order page, where Prisma's per-query work was most
// of the cost). Same connection or pool as Prisma, so the same settings, limits and
// transactions apply; nothing here opens a connection of its own.
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

export interface SqliteConnection {
  client: BetterSqlite3.Database;
  /**
   * BEGINs once Prisma's own transactions on this single connection are done
   * (the adapter's lock); the caller runs its statements, then COMMITs or
   * ROLLBACKs, then calls the returned release.
   */
  begin(): Promise<() => Promise<void>>;
}

export type Driver =
  | { provider: 'sqlite'; connection(): Promise<SqliteConnection> }
  | { provider: 'postgresql'; pool: pg.Pool };

/** Wraps a connected better-sqlite3 adapter (its `client` is the database handle). */
export function sqliteConnection(adapter: SqlDriverAdapter): SqliteConnection {
  return {
    client: (adapter as unknown as { client: BetterSqlite3.Database }).client,
    async begin() {
      const transaction = await adapter.startTransaction();
      return () => transaction.commit(); // releases the lock; the SQL COMMIT is the caller's
    },
  };
}
