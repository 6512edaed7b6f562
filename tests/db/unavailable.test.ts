// What counts as "the database is unavailable" (503, Retry-After) and what stays
// an error, from errors the real clients throw.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/lib/db/client';
import { rowReader } from '@/lib/db/row-reader';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/lib/db/unavailable';
import { errorPage, jsonError } from '@/lib/http/errors';
import { backoffDelay, repeatWithBackoff } from '@/lib/mail/backoff';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

const caught = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error);

describe('database unavailable', () => {
  beforeAll(() => { vi.spyOn(console, 'warn').mockImplementation(() => {}); });
  afterAll(() => { vi.restoreAllMocks(); });

  it('a PostgreSQL server that does not answer becomes 503 with Retry-After and no details', async () => {
    // Nothing listens on this port (the top of the test's own range).
    const db = createDb('postgresql://postgres@127.0.0.1:4399/shop');
    try {
      for (const error of [await caught(db.product.findMany()), await caught(db.$queryRawUnsafe('SELECT 1'))]) {
        expect(isDatabaseUnavailable(error)).toBe(true);
        const response = jsonError(error, 'test');
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
        const body = await response.text();
        expect(body).toContain('temporarily unavailable');
        expect(body).not.toMatch(/4399|prisma|postgres|database/i);
        const page = errorPage(error, 'test');
        expect(page.status).toBe(503);
        expect(page.headers['Retry-After']).toBe(String(RETRY_AFTER_SECONDS));
      }
    } finally {
      await db.$disconnect();
    }
  });

  it('the raw driver under Prisma, refused on every address of localhost, is an outage too', async () => {
    const db = createDb('postgresql://postgres@localhost:4399/shop');
    try {
      const error = await caught(rowReader(db).all('unavailable-probe', 'SELECT 1', []));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(jsonError(error, 'test').status).toBe(503);
    } finally {
      await db.$disconnect();
    }
  });

  it('knows the codes the raw drivers put on their errors', () => {
    const withCode = (code: string) => Object.assign(new Error('x'), { code });
    for (const code of ['57P01', '57P03', '08006', '53300', 'ETIMEDOUT', 'ECONNRESET', 'SQLITE_BUSY', 'SQLITE_LOCKED']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    for (const code of ['23505', '42P01', 'SQLITE_CONSTRAINT_UNIQUE', 'ENOENT']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    }
  });

  it('ordinary failures stay errors', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(jsonError(new TypeError('x'), 'test').status).toBe(500);
  });
});

describe.each(PROVIDERS_UNDER_TEST)('a constraint violation on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  it('is not an outage', async () => {
    const product = await test.db.product.findFirstOrThrow();
    const { id, createdAt, ...rest } = product;
    const error = await caught(test.db.product.create({ data: { ...rest } }));
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('the mail sweeper back-off', () => {
  afterAll(() => { vi.useRealTimers(); });

  it('doubles the wait after each failed run, up to the cap, and returns to the interval after a success', async () => {
    vi.useFakeTimers();
    const options = { everyMs: 60_000, maxMs: 300_000 };
    const outcomes = [false, false, false, false, true, true];
    const runsAt: number[] = [];
    const sweeper = repeatWithBackoff(async () => { runsAt.push(Date.now()); return outcomes.shift() ?? true; }, options);
    await vi.advanceTimersByTimeAsync(120_000 + 240_000 + 300_000 + 300_000 + 60_000 + 60_000);
    sweeper.stop();
    const gaps = runsAt.slice(1).map((t, i) => t - runsAt[i]);
    expect(gaps).toEqual([120_000, 240_000, 300_000, 300_000, 60_000, 60_000]);
    expect(backoffDelay(0, options)).toBe(60_000);
  });
});
