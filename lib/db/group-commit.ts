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
}

/**
 * `commit` runs a batch atomically and answers each item in order. If it fails, nothing of
 * the batch was written; each item then runs again alone, so only the one at fault fails.
 */
export function groupCommit<T, R>(commit: (batch: T[]) => Promise<R[]>, { keyOf, maxBatch = 256 }: GroupCommitOptions<T> = {}) {
  type Waiting = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let busy = false;

  function take(): Waiting[] {
    if (!keyOf && waiting.length <= maxBatch) {
      const all = waiting;
      waiting = [];
      return all;
    }
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    const keys = new Set<unknown>();
    for (const entry of waiting) {
      const key = keyOf?.(entry.item);
      if (batch.length < maxBatch && !keys.has(key)) {
        if (keyOf) keys.add(key);
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
      if (batch.length === 1) batch[0].reject(error);
      else for (const entry of batch) void alone(entry);
    } finally {
      busy = false;
      if (waiting.length > 0) void flush();
    }
  }

  return (item: T): Promise<R> => new Promise<R>((resolve, reject) => {
    waiting.push({ item, resolve, reject });
    if (!busy) {
      busy = true;
      setImmediate(flush);
    }
  });
}
