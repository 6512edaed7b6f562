// The embedded database is opened for concurrency and durability the same way by
// the server's client, the migrations and the tests (all go through adapterFor).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { BUSY_TIMEOUT_MS } from '@/lib/db/sqlite';

const dir = mkdtempSync(path.join(tmpdir(), 'shop-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('SQLite settings', () => {
  it('migrations create an owner-only database file already in WAL mode', async () => {
    const file = path.join(dir, 'migrated.db');
    await applyMigrations(`file:${file}`);
    expect(modeOf(file)).toBe(0o600);
    const raw = new Database(file, { readonly: true });
    try {
      // journal_mode=WAL is stored in the file itself, so the migration's connection set it.
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('the client runs with WAL, synchronous=NORMAL, a busy timeout and foreign keys, and its WAL is owner-only', async () => {
    const file = path.join(dir, 'client.db');
    const url = `file:${file}`;
    await applyMigrations(url);
    const db = createDb(url);
    try {
      const pragma = async (name: string) => {
        const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
        return String(Object.values(row)[0]);
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe('1'); // NORMAL; FULL is 2
      expect(await pragma('busy_timeout')).toBe(String(BUSY_TIMEOUT_MS));
      expect(await pragma('foreign_keys')).toBe('1');
      await db.product.create({ data: { slug: 'p', name: 'P', summary: '', description: '', priceCents: 100, kind: 'download', imagePath: '/x.svg' } });
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
      // A row pointing at no product is refused by the database itself.
      await expect(db.fileSource.create({ data: { productId: 999_999, kind: 'local', fileName: 'x', updatedAt: new Date() } }))
        .rejects.toThrow(/foreign key/i);
    } finally {
      await db.$disconnect();
    }
  });

  it('leaves an existing database file with the permissions it has', async () => {
    const file = path.join(dir, 'existing.db');
    new Database(file).close();
    const before = modeOf(file);
    await applyMigrations(`file:${file}`);
    expect(modeOf(file)).toBe(before);
  });
});
