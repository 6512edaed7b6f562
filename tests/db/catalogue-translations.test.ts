// Product names, summaries and descriptions, article titles and teasers in the reader's language,
// each text falling back to the default language's when it is not translated. An order line keeps
// the name it was placed under.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/forms';
import { productTextsSchema, saveProductTexts } from '@/lib/catalog/admin';
import { productsPricedIn } from '@/lib/catalog/products';
import { translated, PRODUCT_TEXT_FIELDS } from '@/lib/catalog/texts';
import { articleTextsSchema, saveArticleTexts } from '@/lib/content/admin';
import { listArticles, passWithArticles, publicArticle } from '@/lib/content/articles';
import { placeOrder } from '@/lib/checkout/place-order';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { resolveOrderPage } from '@/lib/orders/order-page';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { refusalOf } from '../support/words';
import { placePaidOrder, testOrderContext } from '../support/orders';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

describe('a translation over the default texts', () => {
  const own = { slug: 'card', name: 'Castle', summary: 'Towers.', description: 'Layers.' };

  it('puts each translated text in place and keeps the default for the rest', () => {
    expect(translated(own, PRODUCT_TEXT_FIELDS, { name: 'Schloss', summary: null, description: '' }))
      .toEqual({ slug: 'card', name: 'Schloss', summary: 'Towers.', description: 'Layers.' });
    expect(translated(own, PRODUCT_TEXT_FIELDS, undefined)).toBe(own);
    expect(translated({ slug: 'card', name: 'Castle' }, PRODUCT_TEXT_FIELDS, { summary: 'Türme.' })).toEqual({ slug: 'card', name: 'Castle' });
  });

  it('refuses a language the shop does not speak, or the default one, in words', () => {
    expect(refusalOf(() => parseInput(productTextsSchema, { locale: 'es', name: 'Castillo', summary: '', description: '' })).fields)
      .toEqual({ locale: 'Choose one of the shop’s languages.' });
    expect(refusalOf(() => parseInput(articleTextsSchema, { locale: 'en', title: 'x', teaser: '' })).fields)
      .toEqual({ locale: 'Choose one of the shop’s languages.' });
  });
});

const ring = deriveKeyRing(['translations-test-key-0123456789abcdefgh'], ORDER_LINK_PURPOSE);
const now = new Date('2026-12-06T10:00:00Z');
const customer = { email: 'ada@example.com', fullName: 'Ada Lovelace', addressLine1: '1 Road', addressLine2: '', city: 'Berlin', postalCode: '10115', country: 'DE' };

describe.each(PROVIDERS_UNDER_TEST)('catalogue texts on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  const castleIn = async (language: string) => (await productsPricedIn(test.db, 'EUR', ['pop-up-castle'], language))[0];

  it('shows the demo catalogue in German and French, and in English by default', async () => {
    expect(await castleIn('de')).toMatchObject({ name: 'Pop-up-Karte Märchenschloss', summary: expect.stringContaining('Zugbrücke'), priceCents: 1600 });
    expect(await castleIn('fr')).toMatchObject({ name: 'Carte pop-up Château de conte de fées' });
    expect(await castleIn('en')).toMatchObject({ name: 'Fairy-tale Castle Pop-up Card', summary: 'Towers, turrets and a drawbridge that unfolds in 3D.' });
    expect((await productsPricedIn(test.db, 'EUR')).map((p) => p.name)).toContain('Fairy-tale Castle Pop-up Card');
  });

  it('falls back text by text to the default language, and wholly once a translation is emptied', async () => {
    await saveProductTexts(test.db, 'pop-up-castle', parseInput(productTextsSchema, { locale: 'de', name: 'Burg', summary: '', description: '' }));
    expect(await castleIn('de')).toMatchObject({ name: 'Burg', summary: 'Towers, turrets and a drawbridge that unfolds in 3D.' });
    await saveProductTexts(test.db, 'pop-up-castle', parseInput(productTextsSchema, { locale: 'de', name: ' ', summary: '', description: '' }));
    expect(await test.db.productText.count({ where: { locale: 'de', product: { slug: 'pop-up-castle' } } })).toBe(0);
    expect(await castleIn('de')).toMatchObject({ name: 'Fairy-tale Castle Pop-up Card' });
  });

  it('keeps an order line’s name as it was placed, in the order’s language', async () => {
    const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
    const { number } = await placeOrder(test.db, [{ slug: 'pop-up-love-heart', quantity: 1 }], customer, ctx, { language: 'de' });
    await saveProductTexts(test.db, 'pop-up-love-heart', parseInput(productTextsSchema, { locale: 'de', name: 'Herz, umbenannt', summary: '', description: '' }));
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { items: true } });
    expect(order.items.map((item) => item.productName)).toEqual(['Pop-up-Karte Herz']);
  });

  it('names a download on the order page as its order line does, in the order’s language', async () => {
    const ctx = testOrderContext({ ring, publicUrl: 'https://shop.example', now });
    const { number, signedPath } = await placePaidOrder(test.db, [{ slug: 'paper-engineering-plugin', quantity: 1 }], customer, ctx, { language: 'de' });
    const page = await resolveOrderPage(test.db, { number, query: queryPairs(signedPath.split('?')[1]), sessionOrders: [number], nowSeconds: now.getTime() / 1000 }, ring);
    if (page?.tier !== 'FULL') throw new Error(`expected the FULL tier, got ${page?.tier}`);
    expect(page.items.map((item) => item.name)).toEqual(['Papiertechnik-Plugin (ZIP)']);
    expect(page.downloads.map((download) => download.productName)).toEqual(['Papiertechnik-Plugin (ZIP)']);
  });

  it('shows article titles and teasers, and the names of the products selling them, in the reader’s language', async () => {
    const article = await publicArticle(test.db, 'how-pop-ups-work', 'de');
    expect(article).toMatchObject({ title: 'Wie Pop-ups wirklich funktionieren', product: { name: 'Artikel: Wie Pop-ups wirklich funktionieren' } });
    expect(await publicArticle(test.db, 'how-pop-ups-work')).toMatchObject({ title: 'How Pop-ups Really Work', product: { name: 'Article: How Pop-ups Really Work' } });
    const tutorial = await publicArticle(test.db, 'v-fold-tutorial', 'fr');
    expect(tutorial?.passes.map(({ pass }) => pass.product?.name)).toEqual(['Pass Studio (30 jours)']);
    expect((await listArticles(test.db, 'fr')).map((a) => a.title)).toContain('Choisir son papier pour les pop-up');
    const pass = await passWithArticles(test.db, 'studio-pass', 'de');
    expect(pass?.articles.map(({ article: a }) => a.title).sort()).toEqual(['Tutorial: Ihr erster V-Falz', 'Tutorial: Schwebende Ebenen']);
  });

  it('lets an admin translate one text of an article; the other falls back', async () => {
    const { id } = await test.db.article.findUniqueOrThrow({ where: { slug: 'choosing-paper' } });
    await saveArticleTexts(test.db, id, parseInput(articleTextsSchema, { locale: 'fr', title: 'Le bon papier', teaser: '' }));
    expect(await publicArticle(test.db, 'choosing-paper', 'fr')).toMatchObject({
      title: 'Le bon papier', teaser: 'Free guide: which weights and finishes fold well, and which crack.',
    });
  });
});
