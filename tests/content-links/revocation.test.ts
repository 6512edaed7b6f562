// Revoked links through the shop's own wiring (lib/server/content-links.ts): the access API
// answers 410 with the catalogue's words, the article and pass pages say the same, on a real
// database, the very next request after the line is taken back, on this instance and on a
// second one (another process on the same database).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkoutSchemaFor } from '@/lib/checkout/customer-input';
import { placeOrder } from '@/lib/checkout/place-order';
import { revokeGrantOf } from '@/lib/content/grants';
import { completeTestPayment } from '@/lib/payments/providers/test';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { MESSAGES } from '@/lib/i18n/messages';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

vi.stubEnv('PUBLIC_URL', 'https://shop.example');
const APP_KEYS = 'revocation-test-app-key-0123456789abcdef';
vi.stubEnv('APP_KEYS', APP_KEYS);

const { GET } = await import('@/app/api/access/[slug]/route');
const { contentLinkSigner, accessContext } = await import('@/lib/server/content-links');
const { resolveArticlePage } = await import('@/lib/content-links/article-page');
const { resolvePassPage } = await import('@/lib/content-links/pass-page');
const { shop } = await import('@/lib/server/shop');

const ring = deriveKeyRing(['revocation-test-ring-0123456789abcdef'], ORDER_LINK_PURPOSE);
const REVOKED = { en: MESSAGES.en.Errors.CONTENT_LINK_REVOKED, de: MESSAGES.de.Errors.CONTENT_LINK_REVOKED };

describe.each(PROVIDERS_UNDER_TEST)('a revoked content link on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    Object.assign(shop(), { database: () => ({ db: test.db, reachable: async () => true }) });
    Object.assign(globalThis, { contentLinkKeys: undefined });
  });
  afterAll(async () => { await test?.close(); });

  async function buy(slug: string, email: string) {
    const now = new Date();
    const ctx = { ring, publicUrl: 'https://shop.example', contentSigner: await contentLinkSigner(now) };
    const customer = checkoutSchemaFor(false).parse({ email, fullName: 'Rea Der' });
    const { number } = await placeOrder(test.db, [{ slug, quantity: 1 }], customer, { ...ctx, now, provider: 'test', payWithinMs: 3_600_000 });
    await completeTestPayment(test.db, number, 'pay', ctx, now);
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { items: true } });
    const mail = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, kind: 'order-confirmation' } });
    const link = /https:\/\/shop\.example\/(articles|passes)\/\S+/.exec(mail.text)?.[0];
    if (!link) throw new Error('the confirmation carries no reading link');
    const revoke = () => test.db.$transaction((tx) => revokeGrantOf(tx, order.items[0].id, new Date()));
    return { link, revoke };
  }

  const access = (slug: string, link: string, language = 'en') => GET(
    new Request(`https://shop.example/api/access/${slug}`, { headers: { 'X-Sesamy-Signed-Url': link, 'Accept-Language': language } }),
    { params: Promise.resolve({ slug }) },
  );

  it('the access API answers 200, then 410 CONTENT_LINK_REVOKED in the reader\'s language', async () => {
    const { link, revoke } = await buy('article-how-pop-ups-work', 'api@example.com');
    expect((await access('how-pop-ups-work', link)).status).toBe(200);
    await revoke();
    const refused = await access('how-pop-ups-work', link);
    expect(refused.status).toBe(410);
    expect(await refused.json()).toEqual({ error: 'CONTENT_LINK_REVOKED', message: REVOKED.en });
    expect(await (await access('how-pop-ups-work', link, 'de')).json()).toMatchObject({ message: REVOKED.de });
  });

  it('the article page and the pass page lock with the reason "revoked"', async () => {
    const article = await buy('article-how-pop-ups-work', 'page@example.com');
    const pass = await buy('studio-pass', 'page@example.com');
    expect((await resolveArticlePage(accessContext(new Date()), 'how-pop-ups-work', { link: article.link }))?.state).toBe('unlocked');
    expect((await resolvePassPage(accessContext(new Date()), 'studio-pass', pass.link))?.state).toBe('open');
    await article.revoke();
    await pass.revoke();
    expect(await resolveArticlePage(accessContext(new Date()), 'how-pop-ups-work', { link: article.link })).toMatchObject({ state: 'locked', reason: 'revoked' });
    expect(await resolveArticlePage(accessContext(new Date()), 'v-fold-tutorial', { pass: pass.link })).toMatchObject({ state: 'locked', reason: 'revoked' });
    expect(await resolvePassPage(accessContext(new Date()), 'studio-pass', pass.link)).toMatchObject({ state: 'locked', reason: 'revoked' });
    expect((await access('v-fold-tutorial', pass.link)).status).toBe(410);
  });

  it('a second instance (another process, same database) refuses the link on its very next request', async () => {
    const { link, revoke } = await buy('article-how-pop-ups-work', 'two-processes@example.com');
    const child = spawn('node_modules/.bin/tsx', ['tests/content-links/second-instance.ts'], {
      env: { ...process.env, DATABASE_URL: test.url, PUBLIC_URL: 'https://shop.example', APP_KEYS }, stdio: ['pipe', 'pipe', 'ignore'],
    });
    const answers = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const ask = async () => {
      child.stdin!.write(`${JSON.stringify({ slug: 'how-pop-ups-work', link })}\n`);
      const { value, done } = await answers.next();
      if (done) throw new Error('the second instance exited');
      return JSON.parse(value) as { status: number; error: string | null };
    };
    try {
      expect(await ask()).toEqual({ status: 200, error: null }); // warm: its key cache holds the key, it has seen the link open
      await revoke(); // committed by this instance
      const started = performance.now();
      expect(await ask()).toEqual({ status: 410, error: 'CONTENT_LINK_REVOKED' });
      expect(performance.now() - started).toBeLessThan(5_000); // one request, no waiting for a cache to expire
    } finally {
      child.kill();
    }
  }, 60_000);
});
