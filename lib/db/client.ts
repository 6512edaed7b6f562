// The one Prisma client, chosen from DATABASE_URL and created on first use so
// `next build` never opens the database. Both generated clients have the same
// model API (they come from the same models), so one type serves both.
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { openAdapter } from './adapters';
import { providerOf } from './schema-files';
import { config } from '../config';

export type Db = SqliteClient;

export interface OpenDatabase {
  db: Db;
  /** Whether the server answers now; cheap while the pool holds live connections. */
  reachable(): Promise<boolean>;
}

export function openDatabase(databaseUrl: string): OpenDatabase {
  const { adapter, reachable } = openAdapter(databaseUrl);
  const db = providerOf(databaseUrl) === 'postgresql'
    ? new PostgresClient({ adapter }) as unknown as Db
    : new SqliteClient({ adapter });
  return { db, reachable };
}

export const createDb = (databaseUrl: string): Db => openDatabase(databaseUrl).db;

// On globalThis: the proxy and the pages are bundled apart but share the process.
const globalForDb = globalThis as unknown as { shopDatabase?: OpenDatabase };

function shared(): OpenDatabase {
  globalForDb.shopDatabase ??= openDatabase(config().databaseUrl);
  return globalForDb.shopDatabase;
}

export const db = (): Db => shared().db;
export const databaseReachable = (): Promise<boolean> => shared().reachable();
