// The process's one set of rate limits, from the configuration (used by proxy.ts too).
import { Redis } from 'ioredis';
import { config } from '../config';
import { createRateLimits, type RateLimits } from './limiter';

let shared: RateLimits | undefined;

export function rateLimits(): RateLimits {
  if (!shared) {
    const { redisUrl, rateLimits: policies } = config();
    // One retry: with Redis down the limiter's in-memory insurance answers instead of waiting.
    const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
    redis?.on('error', (error) => console.error('[rate-limit] redis:', error.message));
    shared = createRateLimits(policies, redis);
  }
  return shared;
}

export type { RateLimits } from './limiter';
export { createRateLimits } from './limiter';
