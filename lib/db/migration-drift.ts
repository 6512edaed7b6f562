// The SQL that would bring a database built from the committed migrations up to
// prisma/models.prisma; empty when they agree. Uses a throw-away database:
// in-memory SQLite, or a temporary PostgreSQL database on PG_TEST_URL's server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openSchemaEngine, readMigrations, schemaFiles, SCHEMA_FILTER } from './migrate';
import type { Provider } from './schema-files';

export const pgTestUrl = () => process.env.PG_TEST_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** Creates an empty database on the server of `serverUrl`; returns its URL and a way to drop it. */
export async function createTemporaryPgDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `shop_tmp_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try { await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await client.end(); }
    },
  };
}

async function withTemporaryPgDatabase<T>(serverUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const temp = await createTemporaryPgDatabase(serverUrl);
  try {
    return await use(temp.url);
  } finally {
    await temp.drop();
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
