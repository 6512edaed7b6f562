import { describe, expect, it } from 'vitest';
import { adminPasswordMatches } from '@/lib/admin/password';

describe('admin password', () => {
  it('matches only the exact password, whatever the lengths', () => {
    expect(adminPasswordMatches('correct horse battery staple', 'correct horse battery staple')).toBe(true);
    expect(adminPasswordMatches('correct horse battery stapl', 'correct horse battery staple')).toBe(false);
    expect(adminPasswordMatches('', 'correct horse battery staple')).toBe(false);
    expect(adminPasswordMatches('', '')).toBe(false);
  });
});
