// Login throttling with rate-limiter-flexible: in memory, and in the real Redis
// (REDIS_TEST_URL, default the local server), where two instances share counters.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { attemptAdminLogin } from '@/lib/admin/login';
import { RequestRefused } from '@/lib/errors';
import { DEFAULT_RATE_LIMITS, parseRateLimits } from '@/lib/rate-limit/policies';
import { createRateLimits } from '@/lib/rate-limit/limiter';

const PASSWORD = 'the-admin-password-0123456789abcdefghij';
const policies = parseRateLimits('login-per-ip=5/60,login-global=8/60');
const redisUrl = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const redisClients: Redis[] = [];
afterAll(() => redisClients.forEach((client) => client.disconnect()));

function redisLimits(prefix: string) {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redisClients.push(client);
  return createRateLimits(policies, client, prefix);
}

const refusedWith429 = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RequestRefused);
  expect((error as RequestRefused).code).toBe('RATE_LIMITED');
  expect((error as RequestRefused).retryAfterSeconds).toBeGreaterThan(0);
};

describe.each([
  ['memory', () => { const limits = createRateLimits(policies); return [limits, limits] as const; }],
  ['redis, two instances', () => { const prefix = `test-${randomUUID()}`; return [redisLimits(prefix), redisLimits(prefix)] as const; }],
])('admin login throttling (%s)', (_name, makeInstances) => {
  it('refuses a client after 5 failures, even with the right password, but not another client', async () => {
    const [one, two] = makeInstances();
    for (let i = 0; i < 5; i += 1) expect(await attemptAdminLogin(i % 2 ? one : two, '198.51.100.7', 'wrong', PASSWORD)).toBe(false);
    await refusedWith429(attemptAdminLogin(one, '198.51.100.7', 'wrong', PASSWORD));
    await refusedWith429(attemptAdminLogin(two, '198.51.100.7', PASSWORD, PASSWORD));
    expect(await attemptAdminLogin(two, '198.51.100.8', PASSWORD, PASSWORD)).toBe(true);
  });

  it('refuses everyone once too many failures came from many addresses (a distributed guess)', async () => {
    const [one, two] = makeInstances();
    for (let i = 0; i < 8; i += 1) expect(await attemptAdminLogin(i % 2 ? one : two, `203.0.113.${i}`, 'wrong', PASSWORD)).toBe(false);
    await refusedWith429(attemptAdminLogin(one, '203.0.113.99', 'wrong', PASSWORD));
    await refusedWith429(attemptAdminLogin(two, '192.0.2.1', PASSWORD, PASSWORD));
  });

  it('a successful login clears the client\'s failures, so the admin never locks herself out by typos', async () => {
    const [one] = makeInstances();
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 2; i += 1) expect(await attemptAdminLogin(one, '198.51.100.9', 'typo', PASSWORD)).toBe(false);
      expect(await attemptAdminLogin(one, '198.51.100.9', PASSWORD, PASSWORD)).toBe(true);
    }
  });
});

describe('rate limit configuration', () => {
  it('has defaults and accepts name=points/seconds overrides, refusing unknown names and junk', () => {
    expect(parseRateLimits(undefined)).toEqual(DEFAULT_RATE_LIMITS);
    expect(parseRateLimits('checkout=5/60')).toMatchObject({ checkout: { points: 5, windowSeconds: 60 } });
    expect(() => parseRateLimits('checkuot=5/60')).toThrow(/no limit named/);
    expect(() => parseRateLimits('checkout=5')).toThrow(/name=points\/seconds/);
    expect(() => parseRateLimits('checkout=0/60')).toThrow(/at least 1/);
  });
});
