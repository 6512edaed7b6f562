// Driver adapter for a DATABASE_URL: SQLite file (embedded default) or PostgreSQL.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { providerOf } from './schema-files';

export function sqliteFilePath(databaseUrl: string): string {
  const file = databaseUrl.slice('file:'.length).split('?')[0];
  return file === ':memory:' ? file : path.resolve(file);
}

export function adapterFor(databaseUrl: string) {
  if (providerOf(databaseUrl) === 'postgresql') {
    return new PrismaPg({ connectionString: databaseUrl, max: 10 });
  }
  const file = sqliteFilePath(databaseUrl);
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
}
