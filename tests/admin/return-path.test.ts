import { describe, expect, it } from 'vitest';
import { adminLoginUrl, adminReturnPath } from '@/lib/admin/return-path';

describe('the page an admin returns to after logging in', () => {
  it('is the admin page asked for, query included', () => {
    expect(adminReturnPath('/admin/outbox')).toBe('/admin/outbox');
    expect(adminReturnPath('/admin/products/svg-cut-files?uploaded=1')).toBe('/admin/products/svg-cut-files?uploaded=1');
    expect(adminLoginUrl('/admin/orders/12345678')).toBe('/admin/login?next=%2Fadmin%2Forders%2F12345678');
  });

  it('is /admin for anything that could leave the admin or the origin', () => {
    for (const hostile of [
      undefined, null, 42, '', '/', 'admin', '//evil.example', '//evil.example/admin', 'https://evil.example/admin',
      '/admin//evil.example', '/admin\\\\evil', '/adminx', '/admin/login', '/admin/login?next=/admin/keys', '/admin/ x', `/admin/${'a'.repeat(2100)}`,
    ]) expect(adminReturnPath(hostile), String(hostile)).toBe('/admin');
  });
});
