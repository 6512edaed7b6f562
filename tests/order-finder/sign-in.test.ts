import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder } from '@/lib/checkout/place-order';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { orderClaimRing } from '@/lib/order-claims/claims';
import { SignInLinkInvalid } from '@/lib/order-finder/errors';
import { parseTypedEmail } from '@/lib/order-finder/email';
import {
  FINDER_MAIL_KIND, limitSignInRequest, orderFinderRing, redeemSignInLink, requestSignInLink, SIGN_IN_PATH, SIGN_IN_TTL_SECONDS,
} from '@/lib/order-finder/sign-in';
import { createRateLimits } from '@/lib/rate-limit/limiter';
import { DEFAULT_RATE_LIMITS } from '@/lib/rate-limit/policies';
import { RequestRefused } from '@/lib/errors';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { testOrderContext } from '../support/orders';

const keys = ['finder-test-key-0123456789abcdefghijklmnopq'];
const ring = orderFinderRing(keys);
const now = new Date('2026-12-06T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const buyer = (email: string) => ({ email, fullName: 'Fiona Finder', addressLine1: '1 Road', addressLine2: '', city: 'Cork', postalCode: 'T12', country: 'IE' });
const context = { ring, publicUrl: 'https://shop.example', now, locale: 'de' };

describe.each(PROVIDERS_UNDER_TEST)('find my orders by email (%s)', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => test?.close());

  const place = async (email: string, at = now) => (await placeOrder(test.db, [{ slug: 'pop-up-castle', quantity: 1 }], buyer(email),
    testOrderContext({ ring: deriveKeyRing(keys, ORDER_LINK_PURPOSE), publicUrl: 'https://shop.example', now: at }))).number;
  const mailsTo = (recipient: string) => test.db.outboxMessage.findMany({ where: { kind: FINDER_MAIL_KIND, recipient }, orderBy: { id: 'asc' } });
  const linkIn = (text: string) => new URL(text.match(/https:\/\/shop\.example\/my-orders\/sign-in\?\S+/)![0]);

  it('mails one link, in the language asked in, to the address on the orders, whatever its case and spaces', async () => {
    const first = await place('Fiona.Finder@Example.com', later(-3600));
    const second = await place('fiona.finder@example.com ');
    await place('someone.else@example.com');
    await requestSignInLink(test.db, '  FIONA.finder@EXAMPLE.COM ', context);
    const mails = await test.db.outboxMessage.findMany({ where: { kind: FINDER_MAIL_KIND } });
    expect(mails).toHaveLength(1);
    // The latest order's address, as given at checkout (the typed spelling is never mailed to).
    expect(mails[0].recipient).toBe('fiona.finder@example.com');
    expect(mails[0].subject).toBe('Ihre Bestellungen');
    expect(mails[0].text).toContain('(2 Bestellungen)');
    const link = linkIn(mails[0].text);
    expect(link.pathname).toBe(SIGN_IN_PATH);
    expect(Number(link.searchParams.get('expires'))).toBe(now.getTime() / 1000 + SIGN_IN_TTL_SECONDS);

    const numbers = await redeemSignInLink(test.db, queryPairs(link.search), ring, later(60));
    expect(numbers).toEqual([first, second]);
  });

  it('an address without orders gets nothing: no mail, no link kept (the caller answers the same)', async () => {
    const before = await test.db.orderFinderLink.count();
    await requestSignInLink(test.db, 'nobody@example.com', context);
    // Nothing else is guessed: dots and +tags make another address.
    await place('dora.dot@example.com');
    await requestSignInLink(test.db, 'doradot@example.com', context);
    await requestSignInLink(test.db, 'dora.dot+shop@example.com', context);
    expect(await mailsTo('nobody@example.com')).toHaveLength(0);
    expect(await mailsTo('dora.dot@example.com')).toHaveLength(0);
    expect(await test.db.orderFinderLink.count()).toBe(before);
  });

  it('the link works once, within 15 minutes, only with its own key purpose, and not when tampered with', async () => {
    await place('una.once@example.com');
    await requestSignInLink(test.db, 'una.once@example.com', context);
    const query = queryPairs(linkIn((await mailsTo('una.once@example.com'))[0].text).search);
    const refused = (q: [string, string][], at: Date, r = ring) => expect(redeemSignInLink(test.db, q, r, at)).rejects.toBeInstanceOf(SignInLinkInvalid);

    await refused(query, later(SIGN_IN_TTL_SECONDS + 1));
    await refused(query, later(60), orderClaimRing(keys));
    await refused(query, later(60), deriveKeyRing(keys, ORDER_LINK_PURPOSE));
    await refused(query.map(([n, v]) => [n, n === 'nonce' ? `${v}x` : v]), later(60));
    await refused(query.map(([n, v]) => [n, n === 'expires' ? String(Number(v) + 3600) : v]), later(60));
    await refused(query.filter(([n]) => n !== 'signature'), later(60));

    expect(await redeemSignInLink(test.db, query, ring, later(SIGN_IN_TTL_SECONDS))).toHaveLength(1);
    await refused(query, later(SIGN_IN_TTL_SECONDS));
  });

  it('two presses at once: exactly one spends the link', async () => {
    await place('tom.twice@example.com');
    await requestSignInLink(test.db, 'tom.twice@example.com', context);
    const query = queryPairs(linkIn((await mailsTo('tom.twice@example.com'))[0].text).search);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => redeemSignInLink(test.db, query, ring, later(5))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('lists orders placed after the link was mailed too: the list is read when it is spent', async () => {
    const first = await place('lea.late@example.com');
    await requestSignInLink(test.db, 'lea.late@example.com', context);
    const second = await place('LEA.late@example.com', later(30));
    const query = queryPairs(linkIn((await mailsTo('lea.late@example.com'))[0].text).search);
    expect(await redeemSignInLink(test.db, query, ring, later(60))).toEqual([first, second]);
  });
});

describe('what the finder accepts and how often', () => {
  it('takes a typed address trimmed, and refuses what is not one', () => {
    expect(parseTypedEmail('  a.b@example.com ')).toBe('a.b@example.com');
    for (const bad of ['', '   ', 'not-an-email', 'a@', `${'x'.repeat(250)}@example.com`, null, 42]) expect(parseTypedEmail(bad)).toBeNull();
  });

  it('limits requests per typed address (case and spaces aside) and per client', async () => {
    const limits = createRateLimits(DEFAULT_RATE_LIMITS);
    const perEmail = DEFAULT_RATE_LIMITS['find-orders-per-email'].points;
    for (let i = 0; i < perEmail; i += 1) await limitSignInRequest(limits, `10.0.0.${i}`, i % 2 ? 'Ann@Example.com' : ' ann@example.com');
    await expect(limitSignInRequest(limits, '10.0.1.1', 'ANN@EXAMPLE.COM')).rejects.toBeInstanceOf(RequestRefused);
    await limitSignInRequest(limits, '10.0.1.1', 'bob@example.com');

    const perIp = DEFAULT_RATE_LIMITS['find-orders-per-ip'].points;
    const client = createRateLimits(DEFAULT_RATE_LIMITS);
    for (let i = 0; i < perIp; i += 1) await limitSignInRequest(client, '10.9.9.9', `buyer${i}@example.com`);
    await expect(limitSignInRequest(client, '10.9.9.9', 'one.more@example.com')).rejects.toBeInstanceOf(RequestRefused);
  });
});
