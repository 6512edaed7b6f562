// Admin login throttled per client address and for everyone together: only failed
// attempts count, so the admin's own logins never lock anyone out.
import type { RateLimits } from '../rate-limit/limiter';
import { adminPasswordMatches } from './password';

export const ALL_CLIENTS = 'all';

/** true: the password is right. Throws RATE_LIMITED once too many attempts failed. */
export async function attemptAdminLogin(limits: RateLimits, clientIp: string, given: string, expected: string): Promise<boolean> {
  await limits.check('login-per-ip', clientIp);
  await limits.check('login-global', ALL_CLIENTS);
  if (adminPasswordMatches(given, expected)) {
    await limits.reset('login-per-ip', clientIp);
    return true;
  }
  await limits.consume('login-per-ip', clientIp);
  await limits.consume('login-global', ALL_CLIENTS);
  return false;
}
