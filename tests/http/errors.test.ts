import { describe, expect, it, vi } from 'vitest';
import * as downloadErrors from '@/lib/downloads/errors';
import * as orderErrors from '@/lib/orders/errors';
import * as checkoutErrors from '@/lib/checkout/errors';
import * as signingErrors from '@/lib/signing/errors';
import * as couponErrors from '@/lib/coupons/errors';
import * as contentLinkErrors from '@/lib/content-links/errors';
import * as claimErrors from '@/lib/order-claims/errors';
import { AccountNotFound } from '@/lib/accounts/accounts';
import { SecurePayloadError } from '@/lib/secure-payload/errors';
import { CartError } from '@/lib/checkout/cart';
import { RequestRefused, ShopError } from '@/lib/errors';
import { errorPage, jsonError, publicError } from '@/lib/http/errors';

/** One instance of every concrete error class the capabilities export. */
function everyShopError(): ShopError[] {
  const modules = [downloadErrors, orderErrors, signingErrors, checkoutErrors, couponErrors, contentLinkErrors, claimErrors];
  const instances = modules.flatMap((mod) => Object.values(mod)).flatMap((value) => {
    if (typeof value !== 'function') return [];
    // Most take a detail string; a few take the list of slugs they name.
    let instance: unknown;
    try { instance = Reflect.construct(value, ['secret detail 42']); } catch { instance = Reflect.construct(value, [['secret-detail-42']]); }
    return instance instanceof ShopError && instance.code ? [instance] : [];
  });
  return [...instances, new CartError('quantity', 'quantityWhole'), new RequestRefused('RATE_LIMITED', 'Slow down.', 30),
    new AccountNotFound(), new SecurePayloadError('KEY_MISMATCH', 'secret detail 42')];
}

describe('typed errors map to HTTP statuses in one place', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});

  // A file source only an admin can mend is "try again later" (503), like the database being down.
  const TEMPORARILY_UNAVAILABLE = ['FILE_SOURCE_MISCONFIGURED'];

  it('every error a capability can throw has a 4xx status (or 503 for what an admin must mend), never a 500', () => {
    const errors = everyShopError();
    expect(errors.length).toBeGreaterThanOrEqual(40);
    for (const error of errors) {
      const { status, code } = publicError(error, 'test');
      expect(code, error.name).toBe(error.code);
      expect(status, error.code).toBeGreaterThanOrEqual(400);
      expect(status, error.code).toBeLessThan(TEMPORARILY_UNAVAILABLE.includes(code) ? 504 : 500);
      if (status === 503) expect(TEMPORARILY_UNAVAILABLE).toContain(code);
    }
  });

  it('order errors that used to fall through to 500 now have their own status', () => {
    expect(publicError(new orderErrors.AddressLocked(), 't').status).toBe(409);
    expect(publicError(new orderErrors.AlreadyDispatched(), 't').status).toBe(409);
    expect(publicError(new checkoutErrors.EmptyCart(), 't').status).toBe(400);
    expect(publicError(new signingErrors.LinkExpired(1), 't').status).toBe(410);
  });

  it('details stay in the log; the client gets the short message and no stack', async () => {
    const response = jsonError(new downloadErrors.LicenseRevoked('license 17 revoked by admin@example.com'), 't');
    const body = await response.text();
    expect(response.status).toBe(403);
    expect(body).not.toContain('admin@example.com');
    expect(body).not.toContain('at ');
    const page = errorPage(new Error('boom at /srv/app/secret.ts:12'), 't');
    expect(page.status).toBe(500);
    expect(page.html).not.toContain('secret.ts');
  });

  it('a rate-limit refusal says when to come back', () => {
    const response = jsonError(new RequestRefused('RATE_LIMITED', 'Too many requests.', 30), 't');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
  });
});
