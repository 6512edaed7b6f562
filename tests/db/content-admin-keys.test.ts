import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeKey, privateKeyOf, rotateKey, usableKeys } from '@/lib/key-store';
import { ownKeySource } from '@/lib/content-links/own-keys';
import { signContentLink } from '@/lib/content-links/link';
import { verifyContentLink } from '@/lib/content-links/verify';
import { articleSchema, ContentAdminError, passSchema, saveArticle, savePass } from '@/lib/content/admin';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

const appKeys = ['content-admin-test-key-0123456789abcdef'];
const origin = 'https://shop.example';
const target = { path: '/articles/how-pop-ups-work', contentId: 'cms-how-pop-ups-work', productIds: ['article-how-pop-ups-work'] };
const article = { slug: 'glue-guide', title: 'Glue guide', teaser: 'Which glue holds.', body: '# Glue\n\n<script>alert(1)</script>PVA.', contentId: '', free: '', linkDays: '14', productSlug: '' };

describe.each(PROVIDERS_UNDER_TEST)('content keys and admin on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  it('verifies links from the key store and picks up a rotation by its new kid', async () => {
    let now = Date.now();
    let loads = 0;
    const keys = ownKeySource({ load: () => { loads += 1; return usableKeys(test.db, 'content-signing', new Date(now)); }, clock: () => now, cooldownMs: 1000 });
    const sign = async (key: Awaited<ReturnType<typeof activeKey>>) =>
      signContentLink(origin, target.path, { sp: 'cms-how-pop-ups-work', se: now + 60_000, si: 'article-how-pop-ups-work' }, { kid: key.kid, privateKey: privateKeyOf(key, appKeys) });
    const first = await activeKey(test.db, 'content-signing', new Date(now), appKeys);
    const firstLink = await sign(first);
    await expect(verifyContentLink(firstLink, origin, target, keys, now)).resolves.toBeTruthy();
    expect(loads).toBe(1);
    await verifyContentLink(firstLink, origin, target, keys, now);
    expect(loads).toBe(1); // warm cache: no database read

    const second = await rotateKey(test.db, 'content-signing', new Date(now), appKeys);
    expect(second.kid).not.toBe(first.kid);
    now += 2000; // past the cooldown: the unknown kid rereads the store once
    await expect(verifyContentLink(await sign(second), origin, target, keys, now)).resolves.toBeTruthy();
    expect(loads).toBe(2);
    // the retired key still verifies during its grace period
    await expect(verifyContentLink(firstLink, origin, target, keys, now)).resolves.toBeTruthy();
  });

  it('creates and edits an article with sanitised Markdown, and sets a pass\'s articles', async () => {
    const now = new Date();
    const saved = await saveArticle(test.db, null, articleSchema.parse(article), now);
    expect(saved.linkDays).toBe(14);
    await saveArticle(test.db, saved.id, articleSchema.parse({ ...article, title: 'Glue, a guide', free: 'on' }), now);
    expect(await test.db.article.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ title: 'Glue, a guide', free: true });
    const { renderMarkdown } = await import('@/lib/content/markdown');
    expect(renderMarkdown(saved.body)).not.toContain('<script');

    const pass = await test.db.pass.findUniqueOrThrow({ where: { slug: 'studio-pass' } });
    await savePass(test.db, pass.id, passSchema.parse({ slug: 'studio-pass', name: 'Studio Pass', termDays: '60', productSlug: 'studio-pass', articleSlugs: ['glue-guide', 'v-fold-tutorial'] }), now);
    const members = await test.db.passArticle.findMany({ where: { passId: pass.id }, include: { article: true } });
    expect(members.map((m) => m.article.slug).sort()).toEqual(['glue-guide', 'v-fold-tutorial']);
  });

  it('refuses a duplicate slug, a non-content product and bad input, changing nothing', async () => {
    const now = new Date();
    const before = await test.db.article.count();
    await expect(saveArticle(test.db, null, articleSchema.parse({ ...article, slug: 'how-pop-ups-work' }), now)).rejects.toBeInstanceOf(ContentAdminError);
    await expect(saveArticle(test.db, null, articleSchema.parse({ ...article, slug: 'glue-2', productSlug: 'pop-up-castle' }), now)).rejects.toBeInstanceOf(ContentAdminError);
    await expect(saveArticle(test.db, 999_999, articleSchema.parse({ ...article, slug: 'glue-3' }), now)).rejects.toBeInstanceOf(ContentAdminError);
    expect(articleSchema.safeParse({ ...article, slug: 'Bad Slug' }).success).toBe(false);
    expect(articleSchema.safeParse({ ...article, linkDays: '0' }).success).toBe(false);
    expect(await test.db.article.count()).toBe(before);
  });
});
