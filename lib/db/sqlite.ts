// The embedded SQLite database, opened the same way by the server, migrations and
// tests: WAL (readers never wait for the writer, and a commit appends instead of
// rewriting a rollback journal), synchronous=NORMAL (in WAL mode a crash may lose
// the last commits but never corrupts), a busy timeout instead of SQLITE_BUSY,
// and foreign keys enforced. The file is created 0600 before SQLite opens it;
// SQLite gives its -wal and -shm files the database file's permissions.
import path from 'node:path';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export const BUSY_TIMEOUT_MS = 10_000;

export const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
  'PRAGMA foreign_keys = ON',
].join(';\n');

export function sqliteFilePath(databaseUrl: string): string {
  const file = databaseUrl.slice('file:'.length).split('?')[0];
  return file === ':memory:' ? file : path.resolve(file);
}

/** Creates the database file owner-only when it does not exist yet; leaves an existing file as it is. */
function createPrivateFile(file: string) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

async function configured(connection: Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
  const adapter = await connection;
  await adapter.executeScript(SQLITE_PRAGMAS);
  return adapter;
}

/** Every connection (the client's and the schema engine's) gets the settings above. */
export function sqliteAdapterFactory(
  databaseUrl: string, onConnect: (adapter: SqlDriverAdapter) => void = () => {},
): SqlMigrationAwareDriverAdapterFactory {
  const file = sqliteFilePath(databaseUrl);
  if (file !== ':memory:') createPrivateFile(file);
  const base = new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = await configured(base.connect());
      onConnect(adapter);
      return adapter;
    },
    connectToShadowDb: () => configured(base.connectToShadowDb()),
  };
}
