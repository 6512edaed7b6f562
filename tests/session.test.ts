import { describe, expect, it } from 'vitest';
import { sealData, unsealData } from 'iron-session';
import { MAX_REMEMBERED_ORDERS, rememberOrder, sessionOptions, sessionPasswords, SESSION_TTL_SECONDS } from '@/lib/session/session';

const older = 'older-key-older-key-older-key-older-key';
const newer = 'newer-key-newer-key-newer-key-newer-key';

describe('shopper session', () => {
  it('remembers at most the last 20 orders, newest last, without duplicates', () => {
    let orders: string[] = [];
    for (let n = 1; n <= 25; n += 1) orders = rememberOrder(orders, String(n));
    expect(orders).toHaveLength(MAX_REMEMBERED_ORDERS);
    expect(orders[0]).toBe('6');
    expect(orders.at(-1)).toBe('25');
    expect(rememberOrder(['1', '2'], '1')).toEqual(['2', '1']);
  });

  it('lives 24 hours in an http-only cookie', () => {
    const options = sessionOptions([newer], false);
    expect(options.ttl).toBe(SESSION_TTL_SECONDS);
    expect(SESSION_TTL_SECONDS).toBe(86_400);
    expect(options.cookieOptions?.httpOnly).toBe(true);
  });

  it('keeps sessions sealed before a key rotation readable, and seals new ones with the new key', async () => {
    const before = await sealData({ orders: ['42'] }, { password: sessionPasswords([older]) });
    const rotated = sessionPasswords([newer, older]);
    expect(await unsealData(before, { password: rotated })).toEqual({ orders: ['42'] });
    const after = await sealData({ orders: ['43'] }, { password: rotated });
    expect(await unsealData(after, { password: sessionPasswords([newer]) })).toEqual({ orders: ['43'] });
    expect(await unsealData(after, { password: sessionPasswords([older]) })).toEqual({});
  });

  it('keeps a key\'s sessions readable wherever it stands in the ring', async () => {
    const middle = 'middle-key-middle-key-middle-key-middle';
    const sealed = await sealData({ orders: ['7'] }, { password: sessionPasswords([middle, older]) });
    expect(await unsealData(sealed, { password: sessionPasswords([newer, middle]) })).toEqual({ orders: ['7'] });
  });

  it('derives the session password from the key ring, not the raw key', () => {
    expect(Object.values(sessionPasswords([newer]))[0]).not.toContain(newer);
    expect(Object.values(sessionPasswords([newer]))[0]).toHaveLength(64);
  });
});

describe('a repeated APP_KEYS entry', () => {
  it('does not crash the session options (it used to throw on every request)', () => {
    expect(() => sessionPasswords([newer, newer, older])).not.toThrow();
    expect(Object.keys(sessionPasswords([newer, newer]))).toHaveLength(1);
  });
});
