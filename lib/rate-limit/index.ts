export type { RateLimits } from './limiter';
export { createRateLimits } from './limiter';
