// Driver adapter for a DATABASE_URL: SQLite file (embedded default) or PostgreSQL.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { providerOf } from './schema-files';
import { sqliteAdapterFactory } from './sqlite';
import { sqliteConnection, type Driver, type SqliteConnection } from './driver';

export { sqliteFilePath } from './sqlite';

const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;

/** The adapter alone (the schema engine's connections). */
export function adapterFor(databaseUrl: string) {
  return openAdapter(databaseUrl, async () => {}).adapter;
}

/**
 * The adapter, and a reachability check. For PostgreSQL the pool drops connections
 * the server closes (a shutdown closes them all), so live connections mean the
 * server is up; with none, one connection attempt decides, and is kept for the next query.
 */
export function openAdapter(databaseUrl: string, connect: () => Promise<void>) {
  if (providerOf(databaseUrl) !== 'postgresql') {
    let connection: SqliteConnection | undefined;
    const adapter = sqliteAdapterFactory(databaseUrl, (connected) => { connection = sqliteConnection(connected); });
    const driver: Driver = {
      provider: 'sqlite',
      async connection() {
        if (!connection) await connect();
        return connection!;
      },
    };
    return { adapter, reachable: async () => true, driver };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on('error', () => {}); // an idle connection cut by the server is dropped; the next query reconnects
  const reachable = async () => {
    if (pool.totalCount > 0) return true;
    try {
      (await pool.connect()).release();
      return true;
    } catch {
      return false;
    }
  };
  const driver: Driver = { provider: 'postgresql', pool };
  return { adapter: new PrismaPg(pool, { disposeExternalPool: true }), reachable, driver };
}
