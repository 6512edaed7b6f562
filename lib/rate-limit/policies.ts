// How many requests each kind of action may make per window, per key (client
// address, order number, or everyone at once). RATE_LIMITS overrides any of them:
// "order-lookup=300/60,claim-per-ip=10/900" (points per window of seconds).

export interface RateLimitPolicy { points: number; windowSeconds: number }

export const DEFAULT_RATE_LIMITS = {
  /** Failed admin logins, per client address and for everyone together. */
  'login-per-ip': { points: 10, windowSeconds: 15 * 60 },
  'login-global': { points: 100, windowSeconds: 15 * 60 },
  /** Order pages without a valid signature (enumeration), per client address. */
  'order-lookup': { points: 300, windowSeconds: 60 },
  /** Download token requests, per client address. */
  'download-token': { points: 300, windowSeconds: 60 },
  /** Orders placed, per client address. */
  checkout: { points: 60, windowSeconds: 60 * 60 },
  /** "Is this your order?" mails: per client address, and per order (each order's owner is mailed at most this often). */
  'claim-per-ip': { points: 20, windowSeconds: 15 * 60 },
  'claim-per-order': { points: 3, windowSeconds: 60 * 60 },
  /** License API calls (activate, validate, deactivate, update): per client address, and per license key. */
  'license-per-ip': { points: 120, windowSeconds: 60 },
  'license-per-key': { points: 60, windowSeconds: 60 },
  /** "Send me a fresh link" for an expired article or pass link, per client address. */
  'fresh-link-per-ip': { points: 20, windowSeconds: 15 * 60 },
  /** "Email me a fresh link" for an expired download or claim link, per order (its owner is mailed at most this often). */
  'fresh-link-per-order': { points: 3, windowSeconds: 60 * 60 },
  /** "Find my orders" requests, per client address and per typed address (case and spaces aside). */
  'find-orders-per-ip': { points: 20, windowSeconds: 15 * 60 },
  'find-orders-per-email': { points: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS;
export type RateLimitPolicies = Record<RateLimitName, RateLimitPolicy>;

export function parseRateLimits(value: string | undefined): RateLimitPolicies {
  const policies: RateLimitPolicies = { ...DEFAULT_RATE_LIMITS };
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d{1,9})\/(\d{1,9})$/.exec(entry);
    if (!match) throw new Error(`entry "${entry}" is not name=points/seconds`);
    const [, name, points, seconds] = match;
    if (!Object.hasOwn(DEFAULT_RATE_LIMITS, name)) throw new Error(`has no limit named "${name}" (known: ${Object.keys(DEFAULT_RATE_LIMITS).join(', ')})`);
    if (Number(points) < 1 || Number(seconds) < 1) throw new Error(`entry "${entry}" needs at least 1 point and 1 second`);
    policies[name as RateLimitName] = { points: Number(points), windowSeconds: Number(seconds) };
  }
  return policies;
}
