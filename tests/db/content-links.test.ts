import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { markDispatched } from '@/lib/orders/dispatch';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { NothingToDispatch } from '@/lib/orders/errors';
import { checkoutSchemaFor } from '@/lib/checkout/customer-input';
import { unlockArticle, type AccessContext } from '@/lib/content-links/access';
import { staticKeySource } from '@/lib/content-links/keys';
import { sendFreshLinks } from '@/lib/content-links/fresh-link';
import { resolvePassPage } from '@/lib/content-links/pass-page';
import { ContentNotFound, InvalidSignature, LinkExpired, LinkMissing, LinkNotForContent } from '@/lib/content-links/errors';
import { signContentLink } from '@/lib/content-links/link';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

const DAY = 86_400_000;
const origin = 'https://shop.example';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = { publicOrigin: origin, key: { kid: 'test-kid', privateKey } };
const keys = staticKeySource([{ kid: 'test-kid', publicKey }]);
const ring = deriveKeyRing(['content-links-test-key-0123456789abcdef'], ORDER_LINK_PURPOSE);
const now = new Date('2026-11-24T10:00:00Z');
const reader = checkoutSchemaFor(false).parse({ email: 'reader@example.com', fullName: 'Rea Der' });

describe.each(PROVIDERS_UNDER_TEST)('articles, passes and signed links on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  const ctx = (at = now): AccessContext => ({ db: test.db, publicOrigin: origin, keys, nowMs: at.getTime() });
  async function buy(slug: string) {
    const placed = await placeOrder(test.db, [{ slug, quantity: 1 }], reader, { ring, publicUrl: origin, now, contentSigner: signer });
    const order = await test.db.order.findUniqueOrThrow({ where: { number: placed.number }, include: { accessGrants: true } });
    const mail = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, kind: 'order-confirmation' } });
    const links: string[] = mail.text.match(/https:\/\/shop\.example\/(articles|passes)\/\S+/g) ?? [];
    return { order, mail, links };
  }

  it('seeds four articles, one free, and the Studio Pass with its tutorials', async () => {
    expect(await test.db.article.count()).toBeGreaterThanOrEqual(4);
    expect(await test.db.article.count({ where: { free: true } })).toBe(1);
    const pass = await test.db.pass.findUniqueOrThrow({ where: { slug: 'studio-pass' }, include: { articles: true, product: true } });
    expect(pass.product?.slug).toBe('studio-pass');
    expect(pass.articles).toHaveLength(2);
  });

  it('buying an article grants 30 days, mails a link that opens it, and asks no address', async () => {
    const { order, links } = await buy('article-how-pop-ups-work');
    expect(order.addressLine1).toBe('');
    expect(order.shippingCents).toBe(0);
    expect(order.accessGrants).toHaveLength(1);
    expect(order.accessGrants[0].validUntil.getTime()).toBe(now.getTime() + 30 * DAY);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^https:\/\/shop\.example\/articles\/how-pop-ups-work\?sp=cms-how-pop-ups-work&se=\d+&si=article-how-pop-ups-work&sk=test-kid&ss=[\w-]+$/);
    const unlocked = await unlockArticle(ctx(), 'how-pop-ups-work', { link: links[0] });
    expect(unlocked.html).toContain('<h2>The V-fold</h2>');
    // valid up to and including se, not a millisecond after
    await expect(unlockArticle(ctx(new Date(now.getTime() + 30 * DAY)), 'how-pop-ups-work', { link: links[0] })).resolves.toBeTruthy();
    await expect(unlockArticle(ctx(new Date(now.getTime() + 30 * DAY + 1)), 'how-pop-ups-work', { link: links[0] })).rejects.toBeInstanceOf(LinkExpired);
    // the article link opens no other article
    await expect(unlockArticle(ctx(), 'v-fold-tutorial', { link: links[0].replace('/how-pop-ups-work?', '/v-fold-tutorial?') })).rejects.toBeInstanceOf(InvalidSignature);
  });

  it('a content-only order is never dispatched', async () => {
    const { order } = await buy('article-how-pop-ups-work');
    await expect(markDispatched(test.db, order.number, { ring, publicUrl: origin, now })).rejects.toBeInstanceOf(NothingToDispatch);
    expect((await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('placed');
  });

  it('a pass link opens the pass\'s articles and no other', async () => {
    const { links } = await buy('studio-pass');
    const [passLink] = links;
    expect(passLink).toMatch(/^https:\/\/shop\.example\/passes\/studio-pass\?se=\d+&si=studio-pass&sk=test-kid&ss=/);
    expect((await unlockArticle(ctx(), 'v-fold-tutorial', { pass: passLink })).via).toBe('pass');
    // the access API gets the pass link in its header
    expect((await unlockArticle(ctx(), 'floating-layers-tutorial', { link: passLink })).via).toBe('pass');
    await expect(unlockArticle(ctx(), 'how-pop-ups-work', { pass: passLink })).rejects.toBeInstanceOf(LinkNotForContent);
    const page = await resolvePassPage(ctx(), 'studio-pass', passLink);
    expect(page?.state).toBe('open');
    const expired = await resolvePassPage(ctx(new Date(now.getTime() + 31 * DAY)), 'studio-pass', passLink);
    expect(expired).toMatchObject({ state: 'locked', expired: true });
  });

  it('an article link may name a pass product that grants the article, but not an unrelated product', async () => {
    const fields = { se: now.getTime() + DAY };
    const viaPass = signContentLink(origin, '/articles/v-fold-tutorial', { ...fields, si: 'studio-pass' }, signer.key);
    await expect(unlockArticle(ctx(), 'v-fold-tutorial', { link: viaPass })).resolves.toBeTruthy();
    const unrelated = signContentLink(origin, '/articles/v-fold-tutorial', { ...fields, si: 'article-how-pop-ups-work' }, signer.key);
    await expect(unlockArticle(ctx(), 'v-fold-tutorial', { link: unrelated })).rejects.toBeInstanceOf(LinkNotForContent);
    const noContentId = signContentLink(origin, '/articles/how-pop-ups-work', { ...fields, si: 'article-how-pop-ups-work' }, signer.key);
    await expect(unlockArticle(ctx(), 'how-pop-ups-work', { link: noContentId })).rejects.toBeInstanceOf(LinkNotForContent);
  });

  it('a free article opens without a link; a paid one does not; an unknown one is not found', async () => {
    expect((await unlockArticle(ctx(), 'choosing-paper', {})).via).toBe('free');
    await expect(unlockArticle(ctx(), 'how-pop-ups-work', {})).rejects.toBeInstanceOf(LinkMissing);
    await expect(unlockArticle(ctx(), 'no-such-article', {})).rejects.toBeInstanceOf(ContentNotFound);
  });

  it('mails fresh links only to the buyer, only for a genuine link, only while the grant runs', async () => {
    const { links } = await buy('article-how-pop-ups-work');
    const later = new Date(now.getTime() + 10 * DAY);
    const fresh = (link: string, email: string, at = later) => sendFreshLinks({ db: test.db, keys, signer, now: at }, link, email);
    const before = await test.db.outboxMessage.count({ where: { kind: 'content-links' } });
    expect(await fresh(links[0], 'someone@else.example')).toBe(0);
    const tampered = links[0].replace(/ss=(.)/, (_m, c: string) => `ss=${c === 'A' ? 'B' : 'A'}`);
    expect(await fresh(tampered, 'reader@example.com')).toBe(0);
    expect(await fresh(links[0], 'Reader@Example.com')).toBe(1);
    expect(await fresh(links[0], 'reader@example.com', new Date(later.getTime() + 60_000))).toBe(0); // once per 10 minutes
    expect(await fresh(links[0], 'reader@example.com', new Date(now.getTime() + 31 * DAY))).toBe(0);
    const sent = await test.db.outboxMessage.findMany({ where: { kind: 'content-links' }, orderBy: { id: 'desc' } });
    expect(sent.length - before).toBe(1);
    expect(sent[0].recipient).toBe('reader@example.com');
    expect(sent[0].text).toContain('https://shop.example/articles/how-pop-ups-work?');
  });
});
