import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { placeOrder } from '@/lib/checkout/place-order';
import { completeTestPayment } from '@/lib/payments/providers/test';
import { createDb, type Db } from '@/lib/db/client';
import { isGrantRevoked, revokeGrantOf } from '@/lib/content/grants';
import { markDispatched } from '@/lib/orders/dispatch';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { NothingToDispatch } from '@/lib/orders/errors';
import { checkoutSchemaFor } from '@/lib/checkout/customer-input';
import { unlockArticle, type AccessContext } from '@/lib/content-links/access';
import { combinedKeySource, staticKeySource } from '@/lib/content-links/keys';
import { sendFreshLinks } from '@/lib/content-links/fresh-link';
import { resolvePassPage } from '@/lib/content-links/pass-page';
import { resolveArticlePage } from '@/lib/content-links/article-page';
import { ContentNotFound, InvalidSignature, LinkExpired, LinkMissing, LinkMalformed, LinkNotForContent, LinkRevoked } from '@/lib/content-links/errors';
import { signContentLink, signText } from '@/lib/content-links/link';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

const DAY = 86_400_000;
const origin = 'https://shop.example';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = { publicOrigin: origin, key: { kid: 'test-kid', privateKey } };
// An external issuer (Sesamy-style: no kid, no sg) beside the shop's own key.
const issuer = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keys = combinedKeySource([staticKeySource([{ kid: 'test-kid', publicKey }]), staticKeySource([{ kid: 'issuer', publicKey: issuer.publicKey }])]);
const ring = deriveKeyRing(['content-links-test-key-0123456789abcdef'], ORDER_LINK_PURPOSE);
const now = new Date('2026-11-24T10:00:00Z');
const buyer = (email: string) => checkoutSchemaFor(false).parse({ email, fullName: 'Rea Der' });
const reader = buyer('reader@example.com');
const orderMail = { ring, publicUrl: origin, contentSigner: signer };

describe.each(PROVIDERS_UNDER_TEST)('articles, passes and signed links on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  /** One instance of the shop: its own database client, as a second process would have. */
  const ctxOn = (db: Db, at = now): AccessContext => ({ db, publicOrigin: origin, keys, nowMs: at.getTime(), grantIsRevoked: (ref) => isGrantRevoked(db, ref) });
  const ctx = (at = now) => ctxOn(test.db, at);
  /** A paid order: placed awaiting payment, then paid on the test provider's page (which grants and mails the links). */
  async function buy(slug: string, customer = reader) {
    const placed = await placeOrder(test.db, [{ slug, quantity: 1 }], customer, { ...orderMail, now, provider: 'test', payWithinMs: 3_600_000 });
    await completeTestPayment(test.db, placed.number, 'pay', orderMail, now);
    const order = await test.db.order.findUniqueOrThrow({ where: { number: placed.number }, include: { accessGrants: true, items: true } });
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
    expect(links[0]).toMatch(/^https:\/\/shop\.example\/articles\/how-pop-ups-work\?sp=cms-how-pop-ups-work&se=\d+&si=article-how-pop-ups-work&sg=[\w-]{22}&sk=test-kid&ss=[\w-]+$/);
    expect(links[0]).toContain(`&sg=${order.accessGrants[0].linkRef}&`);
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
    expect((await test.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('paid');
  });

  it('a pass link opens the pass\'s articles and no other', async () => {
    const { links } = await buy('studio-pass');
    const [passLink] = links;
    expect(passLink).toMatch(/^https:\/\/shop\.example\/passes\/studio-pass\?se=\d+&si=studio-pass&sg=[\w-]{22}&sk=test-kid&ss=/);
    expect((await unlockArticle(ctx(), 'v-fold-tutorial', { pass: passLink })).via).toBe('pass');
    // the access API gets the pass link in its header
    expect((await unlockArticle(ctx(), 'floating-layers-tutorial', { link: passLink })).via).toBe('pass');
    await expect(unlockArticle(ctx(), 'how-pop-ups-work', { pass: passLink })).rejects.toBeInstanceOf(LinkNotForContent);
    const page = await resolvePassPage(ctx(), 'studio-pass', passLink);
    expect(page?.state).toBe('open');
    const expired = await resolvePassPage(ctx(new Date(now.getTime() + 31 * DAY)), 'studio-pass', passLink);
    expect(expired).toMatchObject({ state: 'locked', reason: 'expired' });
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

  describe('taking a line back revokes its links at once', () => {
    const revoke = (orderItemId: number, at = now) => test.db.$transaction((tx) => revokeGrantOf(tx, orderItemId, at));
    const later = new Date(now.getTime() + DAY);

    it('an article link works until its line is taken back, then is refused as revoked; another order\'s link still works', async () => {
      const first = await buy('article-how-pop-ups-work', buyer('first@example.com'));
      const second = await buy('article-how-pop-ups-work', buyer('second@example.com'));
      const [firstLink] = first.links;
      const [secondLink] = second.links;
      expect((await unlockArticle(ctx(later), 'how-pop-ups-work', { link: firstLink })).via).toBe('article');

      await revoke(first.order.items[0].id, later);
      await expect(unlockArticle(ctx(later), 'how-pop-ups-work', { link: firstLink })).rejects.toBeInstanceOf(LinkRevoked);
      // the near miss: the same article, bought in another order, is untouched
      expect((await unlockArticle(ctx(later), 'how-pop-ups-work', { link: secondLink })).via).toBe('article');
      // the page says why, and offers no fresh link for it
      expect(await resolveArticlePage(ctx(later), 'how-pop-ups-work', { link: firstLink })).toMatchObject({ state: 'locked', reason: 'revoked' });
      // "send me a fresh link" mints only for grants still running: none for the refunded buyer
      expect(await sendFreshLinks({ db: test.db, keys, signer, now: new Date(now.getTime() + 31 * DAY) }, firstLink, 'first@example.com')).toBe(0);
      // the checks keep their order: an expired link is "expired" whether or not it was revoked
      await expect(unlockArticle(ctx(new Date(now.getTime() + 31 * DAY)), 'how-pop-ups-work', { link: firstLink })).rejects.toBeInstanceOf(LinkExpired);
    });

    it('a pass link is refused on the pass page and on every article it opened, once its line is taken back', async () => {
      const { order, links: [passLink] } = await buy('studio-pass', buyer('pass-holder@example.com'));
      const open = await resolvePassPage(ctx(later), 'studio-pass', passLink);
      if (open?.state !== 'open') throw new Error('the pass did not open');
      // the pass page's article links carry the pass link, sg included
      const carried = new URL(open.articles.find((a) => a.slug === 'v-fold-tutorial')!.href, origin).searchParams.get('pass')!;
      expect(carried).toContain(`&sg=${order.accessGrants[0].linkRef}&`);
      expect((await unlockArticle(ctx(later), 'v-fold-tutorial', { pass: carried })).via).toBe('pass');

      await revoke(order.items[0].id, later);
      expect(await resolvePassPage(ctx(later), 'studio-pass', passLink)).toMatchObject({ state: 'locked', reason: 'revoked' });
      await expect(unlockArticle(ctx(later), 'v-fold-tutorial', { pass: carried })).rejects.toBeInstanceOf(LinkRevoked);
      await expect(unlockArticle(ctx(later), 'floating-layers-tutorial', { link: passLink })).rejects.toBeInstanceOf(LinkRevoked);
      expect(await resolveArticlePage(ctx(later), 'v-fold-tutorial', { pass: passLink })).toMatchObject({ state: 'locked', reason: 'revoked' });
      // an article outside the pass is still "wrong content": revocation is the last check
      await expect(unlockArticle(ctx(later), 'how-pop-ups-work', { pass: passLink })).rejects.toBeInstanceOf(LinkNotForContent);
    });

    it('is immediate on a second instance sharing the database: no cache, one lookup per use', async () => {
      const other = createDb(test.url); // another process's client and pool
      try {
        const { order, links: [link] } = await buy('article-how-pop-ups-work', buyer('two-instances@example.com'));
        expect((await unlockArticle(ctxOn(other, later), 'how-pop-ups-work', { link })).via).toBe('article');
        await revoke(order.items[0].id, later); // on the first instance
        const refusedAfterMs = await (async () => {
          const started = performance.now();
          await expect(unlockArticle(ctxOn(other, later), 'how-pop-ups-work', { link })).rejects.toBeInstanceOf(LinkRevoked);
          return performance.now() - started;
        })();
        expect(refusedAfterMs).toBeLessThan(5_000); // the very next request, not after a cache expires
      } finally {
        await other.$disconnect();
      }
    });

    it('asks the database only for links that carry sg, and exactly once per verification', async () => {
      const { links: [link] } = await buy('article-how-pop-ups-work', buyer('counted@example.com'));
      const asked: string[] = [];
      const counting = (): AccessContext => ({ ...ctx(later), grantIsRevoked: (ref) => { asked.push(ref); return isGrantRevoked(test.db, ref); } });
      await unlockArticle(counting(), 'how-pop-ups-work', { link });
      expect(asked).toHaveLength(1);
      const withoutSg = signContentLink(origin, '/articles/how-pop-ups-work', { sp: 'cms-how-pop-ups-work', se: later.getTime() + DAY, si: 'article-how-pop-ups-work' }, signer.key);
      await unlockArticle(counting(), 'how-pop-ups-work', { link: withoutSg });
      expect(asked).toHaveLength(1);
    });

    it('links without sg keep verifying as before: an external issuer\'s, and the shop\'s own from before sg', async () => {
      const { order } = await buy('article-how-pop-ups-work', buyer('old-link@example.com'));
      await revoke(order.items[0].id, later);
      const fields = { sp: 'cms-how-pop-ups-work', se: later.getTime() + DAY, si: 'article-how-pop-ups-work' };
      const text = `${origin}/articles/how-pop-ups-work?sp=${fields.sp}&se=${fields.se}&si=${fields.si}`;
      const sesamy = `${text}&ss=${encodeURIComponent(signText(text, issuer.privateKey))}`; // no sk, no sg
      expect((await unlockArticle(ctx(later), 'how-pop-ups-work', { link: sesamy })).via).toBe('article');
      const ownBeforeSg = signContentLink(origin, '/articles/how-pop-ups-work', fields, signer.key);
      expect((await unlockArticle(ctx(later), 'how-pop-ups-work', { link: ownBeforeSg })).via).toBe('article');
    });

    it('sg is signed: changing or dropping it breaks the signature; a genuine sg that names no grant is refused as revoked', async () => {
      const { order, links: [link] } = await buy('article-how-pop-ups-work', buyer('forger@example.com'));
      const { links: [otherLink] } = await buy('article-how-pop-ups-work', buyer('victim@example.com'));
      const otherRef = new URL(otherLink).searchParams.get('sg')!;
      await revoke(order.items[0].id, later);
      // swapping in another (running) grant's reference does not revive the revoked link
      const swapped = link.replace(`sg=${order.accessGrants[0].linkRef}`, `sg=${otherRef}`);
      await expect(unlockArticle(ctx(later), 'how-pop-ups-work', { link: swapped })).rejects.toBeInstanceOf(InvalidSignature);
      await expect(unlockArticle(ctx(later), 'how-pop-ups-work', { link: link.replace(/&sg=[\w-]+/, '') })).rejects.toBeInstanceOf(InvalidSignature);
      await expect(unlockArticle(ctx(later), 'how-pop-ups-work', { link: link.replace(/sg=[\w-]+/, 'sg=no.such') })).rejects.toBeInstanceOf(LinkMalformed);
      const unknown = signContentLink(origin, '/articles/how-pop-ups-work', { sp: 'cms-how-pop-ups-work', se: later.getTime() + DAY, si: 'article-how-pop-ups-work', sg: 'AAAAAAAAAAAAAAAAAAAAAA' }, signer.key);
      await expect(unlockArticle(ctx(later), 'how-pop-ups-work', { link: unknown })).rejects.toBeInstanceOf(LinkRevoked);
    });
  });
});
