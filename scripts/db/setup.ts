// npm run db:setup: migrations, then the demo catalogue. Safe to run twice.
// `--fresh` first deletes an SQLite database file (used by the browser tests).
import { rmSync } from 'node:fs';
import { shop } from '../../lib/server/shop';
import { sqliteFilePath } from '../../lib/db/adapters';
import { createDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrate';
import { providerOf } from '../../lib/db/schema-files';
import { seedDemoCatalog } from '../../lib/demo/catalog';
import { attachSampleFiles } from '../../lib/demo/sample-files';

const { databaseUrl, storageDir } = shop().settings;
const provider = providerOf(databaseUrl);
if (process.argv.includes('--fresh') && provider === 'sqlite') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFilePath(databaseUrl) + suffix, { force: true });
}
const applied = await applyMigrations(databaseUrl);
console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
const db = createDb(databaseUrl);
try {
  console.log(`catalogue: ${await seedDemoCatalog(db)} demo products in place (${provider})`);
  const attached = await attachSampleFiles(db, storageDir, new Date());
  if (attached.length) console.log(`sample files attached under ${storageDir}: ${attached.join(', ')}`);
} finally {
  await db.$disconnect();
}
