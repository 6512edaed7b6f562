// The process's one set of rate limits, from the configuration (used by proxy.ts too).
import { Redis } from 'ioredis';
import { createRateLimits, type RateLimits } from '../rate-limit';
import { shop } from './shop';

const globalForLimits = globalThis as unknown as { shopRateLimits?: RateLimits };

export function rateLimits(): RateLimits {
  if (!globalForLimits.shopRateLimits) {
    const { redisUrl, rateLimits: policies } = shop().settings;
    // One retry: with Redis down the limiter's in-memory insurance answers instead of waiting.
    const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
    redis?.on('error', (error) => console.error('[rate-limit] redis:', error.message));
    globalForLimits.shopRateLimits = createRateLimits(policies, redis);
  }
  return globalForLimits.shopRateLimits;
}
