import { describe, expect, it } from 'vitest';
import { decideOrderTier } from '@/lib/order-access/tier';

describe('decideOrderTier', () => {
  it('needs both a valid link and the session for FULL', () => {
    expect(decideOrderTier('valid', true)).toBe('FULL');
    expect(decideOrderTier('valid', false)).toBe('MINIMAL');
  });

  it('shows only that the order exists without a valid link, session or not', () => {
    for (const link of ['missing', 'invalid', 'expired'] as const) {
      expect(decideOrderTier(link, true)).toBe('EXISTS');
      expect(decideOrderTier(link, false)).toBe('EXISTS');
    }
  });
});
