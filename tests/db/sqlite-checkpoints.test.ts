// The server's connection leaves WAL checkpoints to a worker thread: its commits only
// append, and the rows still reach the database file itself.
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { checkpointInBackground } from '@/lib/db/sqlite-checkpoints';

const dir = mkdtempSync(path.join(tmpdir(), 'shop-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows a copy of the database file alone holds, without its WAL. */
function rowsInMainFile(file: string): number {
  const copy = path.join(dir, `copy-${Date.now()}.db`);
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

it('a worker checkpoints the WAL into the database file while the connection itself never does', async () => {
  const file = path.join(dir, 'shop.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  // The first background checkpoint comes after a second; the inserts take a fraction of it.
  const worker = checkpointInBackground(db, file, 1000);
  try {
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    // Far past the 1000-page threshold at which the connection would checkpoint inline.
    for (let i = 0; i < 3000; i += 1) insert.run('x'.repeat(2000));
    expect(rowsInMainFile(file)).toBe(0); // all of it still only in the WAL
    await expect.poll(() => rowsInMainFile(file), { timeout: 5000, interval: 100 }).toBe(3000);
  } finally {
    await worker.terminate();
  }
  // A stopped worker hands checkpoints back to the connection.
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  db.close();
});

it('keeps up with a stream of writes, so the WAL starts over instead of growing', async () => {
  const file = path.join(dir, 'stream.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const worker = checkpointInBackground(db, file, 1000);
  try {
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const commitTen = db.transaction(() => { for (let i = 0; i < 10; i += 1) insert.run('x'.repeat(2000)); });
    // The WAL file cut back to nothing whenever the WAL starts over: its size is then the WAL's length.
    db.pragma('journal_size_limit = 0');
    let longest = 0;
    let restarts = 0;
    const stream = async (until: () => boolean) => {
      while (!until()) {
        commitTen();
        const size = statSync(`${file}-wal`).size;
        if (size < longest) restarts += 1;
        longest = Math.max(longest, size);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const forMs = (ms: number) => { const end = Date.now() + ms; return () => Date.now() >= end; };
    // Commits a few milliseconds apart, as a busy server makes them, until the first checkpoint
    // has let the WAL start over (its time depends on how soon the worker is up). From there,
    // the WAL grew to 32 MB between checkpoints a second apart, and to 4 MB at most when
    // checkpoints follow the writes (a commit landing during a checkpoint delays the restart), 12 MB
    // on a 2-core machine busy with other work: the bound is half of what the old way reached.
    const warmUp = forMs(5000);
    await stream(() => restarts > 0 || warmUp());
    expect(restarts).toBeGreaterThan(0);
    longest = 0;
    await stream(forMs(1200));
    expect(longest).toBeLessThan(16 * 1024 * 1024);
  } finally {
    await worker.terminate();
    db.close();
  }
});

it('a checkpointer that cannot work hands checkpoints back to the connection at once', async () => {
  const file = path.join(dir, 'other.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const errors: unknown[] = [];
  const log = console.error;
  console.error = (...args: unknown[]) => { errors.push(args); };
  try {
    checkpointInBackground(db, dir, 50); // a folder: the worker cannot open it as a database
    await expect.poll(() => db.pragma('wal_autocheckpoint', { simple: true }), { timeout: 5000 }).toBe(1000);
    expect(errors.length).toBeGreaterThan(0);
  } finally {
    console.error = log;
    db.close();
  }
});
