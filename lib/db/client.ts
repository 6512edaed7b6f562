// The one Prisma client, chosen from DATABASE_URL and created on first use so
// `next build` never opens the database. Both generated clients have the same
// model API (they come from the same models), so one type serves both.
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { adapterFor } from './adapters';
import { providerOf } from './schema-files';
import { config } from '../config';

export type Db = SqliteClient;

export function createDb(databaseUrl: string): Db {
  const adapter = adapterFor(databaseUrl);
  if (providerOf(databaseUrl) === 'postgresql') {
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter });
}

const globalForDb = globalThis as unknown as { shopDb?: Db };

export function db(): Db {
  globalForDb.shopDb ??= createDb(config().databaseUrl);
  return globalForDb.shopDb;
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
