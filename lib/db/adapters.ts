// Driver adapter for a DATABASE_URL: SQLite file (embedded default) or PostgreSQL.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { providerOf } from './schema-files';
import { sqliteAdapterFactory } from './sqlite';

export { sqliteFilePath } from './sqlite';

const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;

export function adapterFor(databaseUrl: string) {
  return openAdapter(databaseUrl).adapter;
}

/**
 * The adapter, and a reachability check. For PostgreSQL the pool drops connections
 * the server closes (a shutdown closes them all), so live connections mean the
 * server is up; with none, one connection attempt decides, and is kept for the next query.
 */
export function openAdapter(databaseUrl: string) {
  if (providerOf(databaseUrl) !== 'postgresql') {
    return { adapter: sqliteAdapterFactory(databaseUrl), reachable: async () => true };
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
  return { adapter: new PrismaPg(pool, { disposeExternalPool: true }), reachable };
}
