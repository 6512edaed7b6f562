import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimLinkInvalid } from '@/lib/order-claims/errors';
import { CLAIM_TTL_SECONDS, orderClaimRing, redeemOrderClaim, requestOrderClaim } from '@/lib/order-claims/claims';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { placeOrder } from '@/lib/checkout/place-order';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';

const keys = ['claims-test-key-0123456789abcdefghijklmno'];
const claimRing = orderClaimRing(keys);
const now = new Date('2026-11-26T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const customer = { email: 'Claire.Owner@example.com', fullName: 'Claire Owner', addressLine1: '1 Road', addressLine2: '', city: 'Cork', postalCode: 'T12', country: 'IE' };

describe.each(PROVIDERS_UNDER_TEST)('claiming an order in a new browser (%s)', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => test?.close());

  async function place() {
    const placed = await placeOrder(test.db, [{ slug: 'pop-up-castle', quantity: 1 }], customer,
      testOrderContext({ ring: deriveKeyRing(keys, ORDER_LINK_PURPOSE), publicUrl: 'https://shop.example', now }));
    return placed.number;
  }
  const claimMails = (number: string) => test.db.outboxMessage.findMany({ where: { kind: 'order-claim', subject: { contains: number } } });
  const linkOf = (text: string) => new URL(text.match(/https:\/\/\S+\/claim\?\S+/)![0]);
  const context = { ring: claimRing, publicUrl: 'https://shop.example', now };

  it('mails a one-time link only when the email matches (case and spaces aside)', async () => {
    const number = await place();
    await requestOrderClaim(test.db, number, 'someone.else@example.com', context);
    await requestOrderClaim(test.db, number, 'claire.owner@example.co', context);
    expect(await claimMails(number)).toHaveLength(0);
    await requestOrderClaim(test.db, number, '  claire.OWNER@example.com ', context);
    const [mail] = await claimMails(number);
    expect(mail.recipient).toBe(customer.email);
    const link = linkOf(mail.text);
    expect(link.pathname).toBe(`/orders/${number}/claim`);
    expect(Number(link.searchParams.get('expires'))).toBe(now.getTime() / 1000 + CLAIM_TTL_SECONDS);
  });

  it('the link works once, within 15 minutes, for its own order, with its own key purpose', async () => {
    const number = await place();
    await requestOrderClaim(test.db, number, customer.email, context);
    const link = linkOf((await claimMails(number))[0].text);
    const query = queryPairs(link.search);

    const orderRing = deriveKeyRing(keys, ORDER_LINK_PURPOSE);
    await expect(redeemOrderClaim(test.db, number, query, orderRing, later(60))).rejects.toBeInstanceOf(ClaimLinkInvalid);
    const other = await place();
    await expect(redeemOrderClaim(test.db, other, query, claimRing, later(60))).rejects.toBeInstanceOf(ClaimLinkInvalid);
    await expect(redeemOrderClaim(test.db, number, query, claimRing, later(CLAIM_TTL_SECONDS + 1))).rejects.toBeInstanceOf(ClaimLinkInvalid);
    const tampered = query.map(([n, v]) => [n, n === 'nonce' ? `${v}x` : v] as [string, string]);
    await expect(redeemOrderClaim(test.db, number, tampered, claimRing, later(60))).rejects.toBeInstanceOf(ClaimLinkInvalid);

    expect(await redeemOrderClaim(test.db, number, query, claimRing, later(CLAIM_TTL_SECONDS - 1))).toBe(number);
    await expect(redeemOrderClaim(test.db, number, query, claimRing, later(CLAIM_TTL_SECONDS - 1))).rejects.toBeInstanceOf(ClaimLinkInvalid);
  });

  it('two redemptions at once: exactly one wins', async () => {
    const number = await place();
    await requestOrderClaim(test.db, number, customer.email, context);
    const query = queryPairs(linkOf((await claimMails(number))[0].text).search);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => redeemOrderClaim(test.db, number, query, claimRing, later(5))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
