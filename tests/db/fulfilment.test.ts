// Each product kind's FULFILMENT entry, through a real order: what a paid line grants, what the
// order page lists it under, and what taking the line back revokes. Also the kind column's own
// check in the database, and the migration that turned the old free-string kinds into the enum.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing } from '@/lib/signing';
import { createDb } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { checkoutSchema } from '@/lib/checkout/customer-input';
import { FULFILMENT } from '@/lib/fulfilment/kinds';
import { takeBackLine } from '@/lib/fulfilment/fulfil';
import { PRODUCT_KINDS } from '@/lib/catalog/kinds';
import { grantsOfOrder } from '@/lib/content/grants';
import { linksForGrants } from '@/lib/content-links/issue';
import { issueDownloadToken } from '@/lib/downloads/issue-token';
import { downloadTokenRing } from '@/lib/downloads/token';
import { LicenseRevoked } from '@/lib/downloads/errors';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { resolveOrderPage } from '@/lib/orders/order-page';
import { queryPairs } from '@/lib/signing';
import { emptyDatabase, openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder } from '../support/orders';

const keys = ['fulfilment-test-key-0123456789abcdefghij'];
const ring = deriveKeyRing(keys, ORDER_LINK_PURPOSE);
const now = new Date('2026-12-01T10:00:00Z');
const origin = 'https://shop.example';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = { publicOrigin: origin, key: { kid: 'test-kid', privateKey } };
const buyer = checkoutSchema.parse({
  email: 'ada@example.com', fullName: 'Ada Lovelace', addressLine1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB',
});
/** One demo product of each kind. */
const ONE_OF_EACH = ['pop-up-castle', 'printable-card-templates', 'article-how-pop-ups-work', 'studio-pass'];

it('has an entry for every kind the database knows', () => {
  expect(Object.keys(FULFILMENT).sort()).toEqual([...PRODUCT_KINDS].sort());
});

describe.each(PROVIDERS_UNDER_TEST)('fulfilment per product kind on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); });
  afterAll(async () => { await test?.close(); });

  async function buyOneOfEach() {
    const placed = await placePaidOrder(test.db, ONE_OF_EACH.map((slug) => ({ slug, quantity: 1 })), buyer, { ring, publicUrl: origin, now, contentSigner: signer });
    const order = await test.db.order.findUniqueOrThrow({
      where: { number: placed.number }, include: { items: { include: { product: true } }, licenses: true, accessGrants: true },
    });
    const line = (slug: string) => order.items.find((item) => item.product.slug === slug)!;
    return { placed, order, line };
  }

  it('grants a license for the download line, a grant for the article and the pass, and nothing for the card', async () => {
    const { placed, order, line } = await buyOneOfEach();
    expect(order.licenses.map((l) => l.orderItemId)).toEqual([line('printable-card-templates').id]);
    expect(order.accessGrants.map((g) => g.orderItemId).sort()).toEqual([line('article-how-pop-ups-work').id, line('studio-pass').id].sort());
    expect(order.shippingCents).toBeGreaterThan(0); // the card is shipped
    const view = await resolveOrderPage(test.db, {
      number: placed.number, query: queryPairs(placed.signedPath.split('?')[1]), sessionOrders: [placed.number], nowSeconds: now.getTime() / 1000,
    }, ring);
    expect(view && 'sections' in view ? view.sections : null).toEqual(['delivery', 'downloads', 'reading']);
  });

  it("names the reading in the buyer's language, in the confirmation email and in freshly minted links", async () => {
    const placed = await placePaidOrder(test.db, [{ slug: 'article-how-pop-ups-work', quantity: 1 }, { slug: 'studio-pass', quantity: 1 }], buyer,
      { ring, publicUrl: origin, now, contentSigner: signer }, { language: 'de' });
    const { id } = await test.db.order.findUniqueOrThrow({ where: { number: placed.number } });
    const mail = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: id } });
    expect(mail.text).toContain('Wie Pop-ups wirklich funktionieren');
    expect(mail.text).toContain('Studio-Pass (30 Tage)');
    expect(mail.text).not.toContain('How Pop-ups Really Work');
    const titles = linksForGrants(await grantsOfOrder(test.db, { number: placed.number }), signer, now, 'de').map((link) => link.title);
    expect(titles).toEqual(['Wie Pop-ups wirklich funktionieren', 'Studio-Pass (30 Tage)']);
    const english = linksForGrants(await grantsOfOrder(test.db, { number: placed.number }), signer, now).map((link) => link.title);
    expect(english).not.toEqual(titles);
  });

  it('takes a line back: its license refuses the next token, its grant mints no more links, the others stay', async () => {
    const { placed, order, line } = await buyOneOfEach();
    const tokenRequest = {
      orderNumber: placed.number, orderLinkQuery: queryPairs(placed.signedPath.split('?')[1]), sessionOrders: [placed.number],
      licenseId: order.licenses[0].id, productSlug: 'printable-card-templates',
    };
    const rings = { orders: ring, downloads: downloadTokenRing(keys) };
    await expect(issueDownloadToken(test.db, tokenRequest, rings, now)).resolves.toHaveProperty('token');
    expect(linksForGrants(await grantsOfOrder(test.db, { id: order.id }), signer, now)).toHaveLength(2);

    const later = new Date(now.getTime() + 60_000);
    await test.db.$transaction(async (tx) => {
      for (const slug of ['printable-card-templates', 'article-how-pop-ups-work']) {
        await takeBackLine(tx, { orderItemId: line(slug).id, kind: line(slug).product.kind }, later);
      }
    });
    await expect(issueDownloadToken(test.db, tokenRequest, rings, later)).rejects.toBeInstanceOf(LicenseRevoked);
    const links = linksForGrants(await grantsOfOrder(test.db, { id: order.id }), signer, later);
    expect(links.map((link) => link.kind)).toEqual(['pass']);
    // Taking back twice changes nothing more.
    await test.db.$transaction((tx) => takeBackLine(tx, { orderItemId: line('printable-card-templates').id, kind: 'download' }, new Date(later.getTime() + 1)));
    expect((await test.db.license.findUniqueOrThrow({ where: { id: order.licenses[0].id } })).statusChangedAt).toEqual(later);
  });

  it('takes every kind of the enum, and refuses any other, in the database itself (enum type or triggers)', async () => {
    const insert = (slug: string, kind: string) => test.db.$executeRawUnsafe(`INSERT INTO "Product"
      ("slug", "name", "summary", "description", "kind", "priceCents", "currency", "imagePath", "active", "createdAt")
      VALUES ('${slug}', 'X', '', '', '${kind}', 100, 'EUR', '', true, CURRENT_TIMESTAMP)`);
    for (const kind of PRODUCT_KINDS) await expect(insert(`raw-${kind}`, kind)).resolves.toBe(1);
    await expect(insert('raw-digital', 'digital')).rejects.toThrow();
    await expect(test.db.$executeRawUnsafe(`UPDATE "Product" SET "kind" = 'content' WHERE "slug" = 'pop-up-castle'`)).rejects.toThrow();
    expect((await test.db.product.findUniqueOrThrow({ where: { slug: 'pop-up-castle' } })).kind).toBe('physical');
  });
});

const KINDS_MIGRATION = '20261206035647_product_kinds';

describe.each(PROVIDERS_UNDER_TEST)('the product-kinds migration on %s', (provider) => {
  it('turns digital into download and content into article or pass, keeping every row', async () => {
    const database = await emptyDatabase(provider);
    try {
      expect(await applyMigrations(database.url, { before: KINDS_MIGRATION })).not.toContain(KINDS_MIGRATION);
      const old = createDb(database.url);
      const product = (slug: string, kind: string) => old.$executeRawUnsafe(
        `INSERT INTO "Product" ("slug", "name", "summary", "description", "kind", "priceCents", "currency", "imagePath", "active", "createdAt")
         VALUES ('${slug}', '${slug}', '', '', '${kind}', 100, 'EUR', '', true, CURRENT_TIMESTAMP)`);
      for (const [slug, kind] of [['card', 'physical'], ['pdf', 'digital'], ['read', 'content'], ['pass', 'content'], ['orphan', 'content']]) await product(slug, kind);
      await old.$executeRawUnsafe(`INSERT INTO "Article" ("slug", "title", "teaser", "body", "productId", "createdAt", "updatedAt")
        SELECT 'a', 'A', '', '', "id", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Product" WHERE "slug" = 'read'`);
      await old.$executeRawUnsafe(`INSERT INTO "Pass" ("slug", "name", "productId", "createdAt", "updatedAt")
        SELECT 'p', 'P', "id", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Product" WHERE "slug" = 'pass'`);
      await old.$disconnect();

      expect(await applyMigrations(database.url)).toContain(KINDS_MIGRATION);
      const migrated = createDb(database.url);
      const kinds = Object.fromEntries((await migrated.product.findMany({ select: { slug: true, kind: true } })).map((p) => [p.slug, p.kind]));
      await migrated.$disconnect();
      expect(kinds).toEqual({ card: 'physical', pdf: 'download', read: 'article', pass: 'pass', orphan: 'article' });
    } finally {
      await database.drop();
    }
  });
});
