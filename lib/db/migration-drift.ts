// The SQL that would bring a database built from the committed migrations up to
// prisma/models.prisma; empty when they agree. Uses a throw-away database:
// in-memory SQLite, or a temporary PostgreSQL database on PG_TEST_URL's server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openSchemaEngine, readMigrations, schemaFiles, SCHEMA_FILTER } from './migrate';
import type { Provider } from './schema-files';

export const pgTestUrl = () => process.env.PG_TEST_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export async function withTemporaryPgDatabase<T>(serverUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `shop_tmp_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function diffAgainstMigrations(databaseUrl: string, provider: Provider): Promise<string> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    await engine.applyMigrations({ migrationsList: readMigrations(provider), filters: SCHEMA_FILTER });
    const files = schemaFiles(provider);
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: SCHEMA_FILTER,
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  } finally {
    await close();
  }
}

export function migrationDrift(provider: Provider): Promise<string> {
  if (provider === 'sqlite') return diffAgainstMigrations('file::memory:', provider);
  return withTemporaryPgDatabase(pgTestUrl(), (url) => diffAgainstMigrations(url, provider));
}
