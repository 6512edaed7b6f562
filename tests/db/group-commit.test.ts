// The group-commit queue on its own: what goes together, in what order answers come
// back, and what happens to a batch that fails. The stores' tests (tests/db/downloads.test.ts)
// run it against SQLite and PostgreSQL.
import { expect, it } from 'vitest';
import { groupCommit } from '@/lib/db/group-commit';

function recorder(fail?: (batch: string[]) => Error | null) {
  const batches: string[][] = [];
  const commit = async (batch: string[]) => {
    batches.push(batch);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const error = fail?.(batch);
    if (error) throw error;
    return batch.map((item) => `done ${item}`);
  };
  return { batches, commit };
}

it('sends what arrives together as one batch, and what arrives meanwhile as the next, answering each in order', async () => {
  const { batches, commit } = recorder();
  const add = groupCommit(commit);
  const first = ['a', 'b', 'c'].map(add);
  await new Promise((resolve) => setTimeout(resolve, 1)); // the first batch is now with the "database"
  const second = ['d', 'e'].map(add);
  expect(await Promise.all([...first, ...second])).toEqual(['done a', 'done b', 'done c', 'done d', 'done e']);
  expect(batches).toEqual([['a', 'b', 'c'], ['d', 'e']]);
});

it('keeps items with the same key in separate batches, in the order they came', async () => {
  const { batches, commit } = recorder();
  const add = groupCommit(commit, { keyOf: (item) => item[0] });
  await Promise.all(['x1', 'y1', 'x2', 'x3', 'y2'].map(add));
  expect(batches).toEqual([['x1', 'y1'], ['x2', 'y2'], ['x3']]);
});

it('runs each item of a batch the database refused again alone, so only the one at fault fails', async () => {
  const { batches, commit } = recorder((batch) => (batch.includes('bad') ? new Error('refused') : null));
  const add = groupCommit(commit);
  const results = await Promise.allSettled(['a', 'bad', 'b'].map(add));
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(batches).toEqual([['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
});

it('fails every item, and runs none again, when the batch may have been written (a broken connection)', async () => {
  const lost = new Error('Connection terminated unexpectedly');
  const { batches, commit } = recorder(() => lost);
  const add = groupCommit(commit, { rolledBack: (error) => error !== lost });
  const results = await Promise.allSettled(['a', 'b'].map(add));
  expect(results).toEqual([{ status: 'rejected', reason: lost }, { status: 'rejected', reason: lost }]);
  expect(batches).toEqual([['a', 'b']]);
});

it('fails only the item whose key cannot be had, and goes on with the others', async () => {
  const { batches, commit } = recorder();
  const add = groupCommit(commit, { keyOf: (item) => { if (item === 'odd') throw new Error('no key'); return item; } });
  const results = await Promise.allSettled(['a', 'odd', 'b'].map(add));
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(batches).toEqual([['a', 'b']]);
  expect(await add('c')).toBe('done c');
});
