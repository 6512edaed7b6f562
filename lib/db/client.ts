// Prisma clients, chosen by the database URL's provider (the running shop opens its one
// client in lib/server/shop.ts, on first use, so `next build` never opens the database). Both generated clients have the same
// model API (they come from the same models), so one type serves both.
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { openAdapter } from './adapters';
import { providerOf } from './schema-files';
import type { Driver } from './driver';

export type Db = SqliteClient;

export interface OpenDatabase {
  db: Db;
  /** Whether the server answers now; cheap while the pool holds live connections. */
  reachable(): Promise<boolean>;
}

// On globalThis: the proxy, the pages and the API routes are bundled apart (each has
// its own copy of this module) but share the process and its clients.
const globalForDb = globalThis as unknown as { shopDbDrivers?: WeakMap<Db, Driver> };
const drivers = (globalForDb.shopDbDrivers ??= new WeakMap<Db, Driver>());

/** The connection under a client (lib/db/driver.ts), for the download hot path. */
export function driverOf(db: Db): Driver {
  const driver = drivers.get(db);
  if (!driver) throw new Error('not a client made by openDatabase');
  return driver;
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export function openDatabase(databaseUrl: string): OpenDatabase {
  let db: Db | undefined;
  const { adapter, reachable, driver } = openAdapter(databaseUrl, () => db!.$connect());
  db = providerOf(databaseUrl) === 'postgresql'
    ? new PostgresClient({ adapter }) as unknown as Db
    : new SqliteClient({ adapter });
  drivers.set(db, driver);
  return { db, reachable };
}

export const createDb = (databaseUrl: string): Db => openDatabase(databaseUrl).db;
