// A fresh, migrated database per test file, on each provider the shop supports:
// an SQLite file and a new database on the real PostgreSQL server (PG_TEST_URL).
// PostgreSQL being unreachable fails the tests; it is never skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { createTemporaryPgDatabase, pgTestUrl } from '@/lib/db/migration-drift';
import type { Provider } from '@/lib/db/schema-files';
import { seedDemoCatalog } from '@/lib/demo/catalog';

export const PROVIDERS_UNDER_TEST: Provider[] = ['sqlite', 'postgresql'];

export interface TestDatabase {
  url: string;
  db: Db;
  close(): Promise<void>;
}

/** A new database with no tables yet (a migration test applies the migrations itself). */
export async function emptyDatabase(provider: Provider): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'shop-db-'));
    return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  return createTemporaryPgDatabase(pgTestUrl()).catch((error) => {
    throw new Error(`PostgreSQL at ${pgTestUrl()} is unreachable (set PG_TEST_URL): ${error.message}`);
  });
}

export async function openTestDatabase(provider: Provider, { seed = true } = {}): Promise<TestDatabase> {
  const { url, drop: cleanup } = await emptyDatabase(provider);
  await applyMigrations(url);
  const db = createDb(url);
  if (seed) await seedDemoCatalog(db);
  return {
    url,
    db,
    async close() {
      await db.$disconnect();
      await cleanup();
    },
  };
}
