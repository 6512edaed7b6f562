// The server's SQLite connection does not checkpoint its own WAL. A checkpoint copies
// the logged pages into the database file and fsyncs it, inside whichever commit
// crosses the threshold, on the event loop (better-sqlite3 is synchronous): on the
// download bench it doubled the cost of an insert. A worker thread with its own
// connection checkpoints instead, so no request waits for it. Should a
// checkpoint fail, or the worker stop, the connection checkpoints itself again.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './sqlite';

const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/** A burst of writes between two checkpoints grows the WAL file; it is cut back to this once reset. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

// While writes stream in, a checkpoint follows them closely (every CATCH_UP_MS): the WAL can
// start again from its beginning only when a commit finds it wholly copied. Checkpoints a
// second apart let it grow by hundreds of megabytes under load, and cutting it back to
// WAL_SIZE_LIMIT_BYTES then stalled the event loop for 80-130 ms (measured on the bench).
// At 50 ms each checkpoint had so much to copy that commits kept landing during it, and the WAL
// grew to 450 MB again (measured).
const CATCH_UP_MS = 10;

const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
let seen = db.pragma('data_version', { simple: true });
function checkpoint() {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    // data_version moves when another connection has committed since this one last looked.
    const version = db.pragma('data_version', { simple: true });
    const writing = version !== seen;
    seen = version;
    setTimeout(checkpoint, writing ? workerData.catchUpMs : workerData.intervalMs);
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}
setTimeout(checkpoint, workerData.intervalMs);
`;

/** Hands WAL checkpoints of `file` to a worker thread; should it stop, the connection checkpoints itself again. */
export function checkpointInBackground(connection: BetterSqlite3.Database, file: string, intervalMs = 1000): Worker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, file, intervalMs, catchUpMs: Math.min(intervalMs, CATCH_UP_MS), busyTimeoutMs: BUSY_TIMEOUT_MS } });
  connection.pragma('wal_autocheckpoint = 0');
  connection.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const fallBack = () => {
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message) => {
    console.error('[sqlite] background checkpoint failed, the connection checkpoints itself again:', message);
    void worker.terminate();
  });
  worker.on('error', (error) => console.error('[sqlite] checkpoint worker stopped:', error));
  worker.on('exit', fallBack);
  worker.unref();
  return worker;
}
