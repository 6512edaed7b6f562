// Rate limits with rate-limiter-flexible: counters in this process's memory by
// default, in Redis when REDIS_URL is set (several instances then share them).
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { RequestRefused } from '../errors';
import type { RateLimitName, RateLimitPolicies } from './policies';

export interface RateLimits {
  /** Spends one point of `name` for `key`; throws RATE_LIMITED (429, Retry-After) when none is left. */
  consume(name: RateLimitName, key: string): Promise<void>;
  /** Throws RATE_LIMITED if `key` has no point left, without spending one. */
  check(name: RateLimitName, key: string): Promise<void>;
  /** Forgets `key`'s spent points (e.g. after a successful login). */
  reset(name: RateLimitName, key: string): Promise<void>;
}

const refused = (res: RateLimiterRes) =>
  new RequestRefused('RATE_LIMITED', 'Too many requests. Please wait a moment and try again.', Math.max(1, Math.ceil(res.msBeforeNext / 1000)));

export function createRateLimits(policies: RateLimitPolicies, redis?: Redis, prefix = 'shop-rl'): RateLimits {
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  const limiter = (name: RateLimitName) => {
    let found = limiters.get(name);
    if (!found) {
      const options = { keyPrefix: `${prefix}:${name}`, points: policies[name].points, duration: policies[name].windowSeconds };
      // With Redis unreachable, this process's memory counts instead of failing the request.
      found = redis
        ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      limiters.set(name, found);
    }
    return found;
  };
  return {
    async consume(name, key) {
      try {
        await limiter(name).consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw refused(error);
        throw error;
      }
    },
    async check(name, key) {
      const res = await limiter(name).get(key);
      if (res && res.remainingPoints <= 0) throw refused(res);
    },
    async reset(name, key) {
      await limiter(name).delete(key);
    },
  };
}
