// What every benchmark needs: a fresh seeded SQLite database in its own folder, the median,
// and a wait for a server to answer.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrate';
import { seedDemoCatalog } from '../lib/catalog/seed';

export async function freshBenchDatabase(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseUrl = `file:${path.join(dir, 'bench.db')}`;
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  await seedDemoCatalog(db);
  return { databaseUrl, db };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function waitFor(url: string) {
  for (let i = 0; i < 300; i += 1) {
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${url} did not come up`);
}
