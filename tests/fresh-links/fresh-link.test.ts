import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloadToken, downloadTokenRing } from '@/lib/downloads/token';
import { FreshLinkRefused } from '@/lib/fresh-links/errors';
import { limitFreshLink, mailFreshLink, orderOfExpiredLink } from '@/lib/fresh-links/fresh-link';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { CLAIM_MAIL_KIND, CLAIM_TTL_SECONDS, claimPath, orderClaimRing, redeemOrderClaim } from '@/lib/order-claims/claims';
import { createRateLimits } from '@/lib/rate-limit/limiter';
import { DEFAULT_RATE_LIMITS } from '@/lib/rate-limit/policies';
import { RequestRefused } from '@/lib/errors';
import { deriveKeyRing, queryPairs, signedPath } from '@/lib/signing';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder } from '../support/orders';

const keys = ['fresh-link-test-key-0123456789abcdefghijklmn'];
const rings = { downloads: downloadTokenRing(keys), claims: orderClaimRing(keys) };
const now = new Date('2026-12-06T10:00:00Z');
const nowSeconds = now.getTime() / 1000;
const buyer = { email: 'Ola.Owner@example.com', fullName: 'Ola Owner', addressLine1: '1 Road', addressLine2: '', city: 'Cork', postalCode: 'T12', country: 'IE' };

describe.each(PROVIDERS_UNDER_TEST)('email me a fresh link for an expired order link (%s)', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => test?.close());

  async function paidDownloadOrder() {
    const placed = await placePaidOrder(test.db, [{ slug: 'printable-card-templates', quantity: 1 }], buyer,
      { ring: deriveKeyRing(keys, ORDER_LINK_PURPOSE), publicUrl: 'https://shop.example', now: new Date(now.getTime() - 3_600_000) });
    const license = await test.db.license.findFirstOrThrow({ where: { order: { number: placed.number } } });
    return { number: placed.number, license };
  }
  const freshMails = (orderId: number) => test.db.outboxMessage.findMany({ where: { kind: CLAIM_MAIL_KIND.mailFresh, orderId } });
  const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(FreshLinkRefused);

  it('an expired download token: a new claim link goes to the order’s own address, and it opens the order', async () => {
    const { number, license } = await paidDownloadOrder();
    const token = createDownloadToken(license.id, 'printable-card-templates', rings.downloads, nowSeconds - 600);
    const order = await orderOfExpiredLink(test.db, 'download', token, rings, now);
    expect(order.number).toBe(number);
    await mailFreshLink(test.db, order, { ring: rings.claims, publicUrl: 'https://shop.example', now });
    const [mail] = await freshMails(order.id);
    expect(mail.recipient).toBe(buyer.email);
    expect(mail.text).toContain('You asked for a fresh link to this order.');
    const link = new URL(mail.text.match(/https:\/\/shop\.example\/orders\/\d+\/claim\?\S+/)![0]);
    expect(link.pathname).toBe(claimPath(number));
    expect(await redeemOrderClaim(test.db, number, queryPairs(link.search), rings.claims, new Date(now.getTime() + 60_000))).toBe(number);
  });

  it('an expired claim link: the same, for its order', async () => {
    const { number } = await paidDownloadOrder();
    const expired = signedPath(claimPath(number), rings.claims, { expires: nowSeconds - CLAIM_TTL_SECONDS, query: [['nonce', 'abc']] });
    const order = await orderOfExpiredLink(test.db, 'claim', expired, rings, now);
    expect(order.number).toBe(number);
    // The absolute link from the mail works as well as its path.
    expect((await orderOfExpiredLink(test.db, 'claim', `https://shop.example${expired}`, rings, now)).number).toBe(number);
  });

  it('refuses, and so mails nothing for, a tampered, foreign-keyed, still valid or malformed link', async () => {
    const { number, license } = await paidDownloadOrder();
    const token = createDownloadToken(license.id, 'printable-card-templates', rings.downloads, nowSeconds - 600);
    const [payload, signature] = token.split('.');
    const other = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...other, license_id: license.id + 1 })).toString('base64url')}.${signature}`;
    await refused(orderOfExpiredLink(test.db, 'download', forged, rings, now));
    await refused(orderOfExpiredLink(test.db, 'download', createDownloadToken(license.id, 'x', downloadTokenRing(['another-key-0123456789abcdefghijklmnopqr']), nowSeconds - 600), rings, now));
    await refused(orderOfExpiredLink(test.db, 'download', createDownloadToken(license.id, 'x', rings.downloads, nowSeconds), rings, now));
    await refused(orderOfExpiredLink(test.db, 'download', 'not-a-token', rings, now));
    await refused(orderOfExpiredLink(test.db, 'download', '', rings, now));

    const expired = signedPath(claimPath(number), rings.claims, { expires: nowSeconds - 60, query: [['nonce', 'abc']] });
    await refused(orderOfExpiredLink(test.db, 'claim', expired.replace(`/orders/${number}/`, `/orders/${Number(number) + 1}/`), rings, now));
    await refused(orderOfExpiredLink(test.db, 'claim', expired.replace('nonce=abc', 'nonce=abd'), rings, now));
    await refused(orderOfExpiredLink(test.db, 'claim', signedPath(claimPath(number), deriveKeyRing(keys, ORDER_LINK_PURPOSE), { expires: nowSeconds - 60 }), rings, now));
    await refused(orderOfExpiredLink(test.db, 'claim', signedPath(claimPath(number), rings.claims, { expires: nowSeconds + 60 }), rings, now));
    await refused(orderOfExpiredLink(test.db, 'claim', `/orders/${number}/claim`, rings, now));
    // A download token is no claim link, nor the reverse.
    await refused(orderOfExpiredLink(test.db, 'claim', token, rings, now));
    await refused(orderOfExpiredLink(test.db, 'download', expired, rings, now));
  });

  it('is limited per order, whoever asks', async () => {
    const limits = createRateLimits(DEFAULT_RATE_LIMITS);
    const { points } = DEFAULT_RATE_LIMITS['fresh-link-per-order'];
    for (let i = 0; i < points; i += 1) await limitFreshLink(limits, { id: 1 });
    await expect(limitFreshLink(limits, { id: 1 })).rejects.toBeInstanceOf(RequestRefused);
    await limitFreshLink(limits, { id: 2 });
  });
});
