import { describe, expect, it } from 'vitest';
import { shopLinksIn } from '@/lib/mail/links';

describe('the outbox links only the shop\'s own URLs', () => {
  const shop = 'https://shop.example';
  it('keeps customer-written URLs as text', () => {
    const parts = shopLinksIn('Hello http://evil.example/login,\nsee https://shop.example/orders/12?signature=abc\n', shop);
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['https://shop.example/orders/12?signature=abc']);
    expect(parts.map((p) => p.text).join('')).toBe('Hello http://evil.example/login,\nsee https://shop.example/orders/12?signature=abc\n');
  });

  it('is not fooled by look-alike hosts', () => {
    for (const url of ['https://shop.example.evil.test/x', 'https://shop.example@evil.test/x', 'http://shop.example/x']) {
      expect(shopLinksIn(`go ${url}`, shop).some((p) => p.href), url).toBe(false);
    }
  });
});
