// Group commit: writes that arrive while the previous batch is with the database go
// to it together, in one transaction or statement with one commit, instead of one
// round trip and one commit each. One batch is in flight at a time, so a batch forms
// from whatever arrived while the last one ran; the first write after a quiet spell
// waits only for the current turn of the event loop.

export interface GroupCommitOptions<T> {
  /**
   * Items with the same key never share a batch: the later one waits for the next batch.
   * For a single statement, which can change a row only once (PostgreSQL's UPDATE … FROM).
   */
  keyOf?: (item: T) => unknown;
  maxBatch?: number;
  /**
   * Whether a batch that failed with `error` surely wrote nothing (the database refused it), so
   * its items may run again alone. Not so when a connection broke: the commit may have landed.
   */
  rolledBack?: (error: unknown) => boolean;
}

/**
 * `commit` runs a batch atomically and answers each item in order. If it fails and surely
 * rolled back, each item runs again alone, so only the one at fault fails; otherwise every
 * item fails with the batch's error.
 */
export function groupCommit<T, R>(commit: (batch: T[]) => Promise<R[]>,
  { keyOf, maxBatch = 256, rolledBack = () => true }: GroupCommitOptions<T> = {}) {
  type Waiting = { item: T; key: unknown; resolve: (result: R) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let busy = false;

  function take(): Waiting[] {
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    const keys = new Set<unknown>();
    for (const entry of waiting) {
      if (batch.length < maxBatch && !keys.has(entry.key)) {
        if (keyOf) keys.add(entry.key);
        batch.push(entry);
      } else later.push(entry);
    }
    waiting = later;
    return batch;
  }

  async function alone({ item, resolve, reject }: Waiting) {
    try {
      const [result] = await commit([item]);
      resolve(result);
    } catch (error) {
      reject(error);
    }
  }

  async function flush() {
    busy = true;
    const batch = take();
    try {
      const results = await commit(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i]));
    } catch (error) {
      if (batch.length > 1 && rolledBack(error)) for (const entry of batch) void alone(entry);
      else for (const entry of batch) entry.reject(error);
    } finally {
      busy = false;
      if (waiting.length > 0) void flush();
    }
  }

  // The key is taken here, so a key that cannot be had fails this item only.
  return (item: T): Promise<R> => new Promise<R>((resolve, reject) => {
    waiting.push({ item, key: keyOf?.(item), resolve, reject });
    if (!busy) {
      busy = true;
      setImmediate(flush);
    }
  });
}
