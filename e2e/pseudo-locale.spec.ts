// Every word a shopper reads comes from the message catalogue. In the pseudo-locale `xx`
// (PSEUDO_LOCALE=1 in the browser tests' server, lib/i18n/pseudo.ts) every catalogue message is
// wrapped in ⟦…⟧ and accented; this flow walks the shopper's pages in it and fails on any visible
// text with a letter outside the markers.
//
// Allowed unmarked, because they are data, not the shop's words: what the database holds
// (product, article and pass texts, file names: their translations are the catalogue data's own,
// edited in the admin), what the shopper typed, numbers, prices, order numbers, email addresses,
// dates (Intl formats them in the page's language; the pseudo-locale formats as English), country
// names (Intl's, likewise), currency codes, and each language's own name in the language switch.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { COUNTRY_CODES } from '../lib/catalog/countries';
import { BASE_URL } from './support/env';
import { newCustomer, readE2eDb } from './support/shop';
import { prepareTour, SHOPPER_STOPS, visitStop } from './support/tour';

const PSEUDO = 'xx';

async function inPseudoLocale(context: BrowserContext) {
  await context.addCookies([{ name: 'shop_lang', value: PSEUDO, url: BASE_URL }]);
}

/** The text a person reads on the page: text nodes, the tab title, labels given as attributes. */
const readableTexts = (page: Page) => page.evaluate(() => {
  const texts: string[] = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!parent || !text || parent.closest('script, style, noscript, template')) continue;
    // Authored HTML from the database (an article's body, a version's release notes): data, and
    // not translated by design (lib/content: only titles and teasers have translations).
    if (parent.closest('.article-body, .release-notes')) continue;
    // Options are read from their (closed) select; everything else only when it shows.
    if (parent.closest('select') || parent.checkVisibility({ checkVisibilityCSS: true })) texts.push(text);
  }
  for (const element of document.body.querySelectorAll('[aria-label], [placeholder], img[alt], [title]')) {
    for (const name of ['aria-label', 'placeholder', 'alt', 'title']) {
      const value = element.getAttribute(name)?.trim();
      if (value) texts.push(value);
    }
  }
  return texts;
});

const MONTHS = Array.from({ length: 12 }, (_, month) => new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, month, 1)));
const DATE = new RegExp(`\\d{1,2} (${MONTHS.join('|')}) \\d{4}( at \\d{2}:\\d{2}( UTC)?)?`, 'g');
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const CURRENCY_CODES = /\b(EUR|GBP|USD)\b|US\$/g;
// A file's size (Intl's unit format, English in the pseudo-locale) and a SHA-256 digest in hex.
const FILE_SIZE = /\b\d+(\.\d+)? (byte|kB|MB|GB)\b/g;
const SHA256_HEX = /\b[0-9a-f]{64}\b/g;
const LANGUAGE_NAMES = ['English', 'Deutsch', 'Français'];
const COUNTRY_NAMES = COUNTRY_CODES.map((code) => new Intl.DisplayNames(['en-GB'], { type: 'region' }).of(code)!);

/** What the database holds: the catalogue's data, in every language it has. */
function databaseTexts(): string[] {
  return readE2eDb((db) => [
    'SELECT name AS t FROM "Product" UNION ALL SELECT summary FROM "Product" UNION ALL SELECT description FROM "Product"',
    'SELECT name AS t FROM "ProductText" UNION ALL SELECT summary FROM "ProductText" UNION ALL SELECT description FROM "ProductText"',
    'SELECT title AS t FROM "Article" UNION ALL SELECT teaser FROM "Article"',
    'SELECT title AS t FROM "ArticleText" UNION ALL SELECT teaser FROM "ArticleText"',
    'SELECT name AS t FROM "Pass" UNION ALL SELECT fileName FROM "FileSource"',
  ].flatMap((sql) => (db.prepare(sql).all() as { t: string | null }[]).flatMap(({ t }) => (t ? [t] : []))));
}

/** A text's letters that are neither in a catalogue message nor allowed data; empty when all is well. */
function unmarked(text: string, allowed: readonly string[]): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  // A message split by markup (rich text: a link inside a sentence) leaves an opening or closing half here.
  rest = rest.replace(/⟦[^⟧]*$/, ' ').replace(/^[^⟦]*⟧/, ' ');
  for (const data of allowed) rest = rest.split(data).join(' ');
  rest = rest.replace(DATE, ' ').replace(EMAIL, ' ').replace(CURRENCY_CODES, ' ').replace(FILE_SIZE, ' ').replace(SHA256_HEX, ' ');
  return /\p{L}/u.test(rest) ? rest.replace(/\s+/g, ' ').trim() : '';
}

/** Data a page may show unmarked, longest first so a long text is taken out before a word inside it. */
const allowedData = (typed: string[]) => [...databaseTexts(), ...typed, ...LANGUAGE_NAMES, ...COUNTRY_NAMES]
  .filter((text) => text.length > 2).sort((a, b) => b.length - a.length);

function expectOnlyCatalogueWords(seen: { where: string; texts: string[] }[], allowed: string[]) {
  // The check can fail: a plain English word is caught, and every page did show catalogue words.
  expect(unmarked('Add to cart', allowed)).toBe('Add to cart');
  for (const { where, texts } of seen) expect(texts.filter((text) => text.includes('⟦')).length, where).toBeGreaterThan(3);
  const offending = seen.flatMap(({ where, texts }) => texts.flatMap((text) => {
    const rest = unmarked(text, allowed);
    return rest ? [`${where}: "${text}" (unmarked: "${rest}")`] : [];
  }));
  expect([...new Set(offending)], 'text that did not come from the catalogue').toEqual([]);
}

test('every shopper page speaks only the catalogue\'s words', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await inPseudoLocale(page.context());
  const customer = { ...newCustomer(), country: 'FR', postalCode: '75001' };
  const seen: { where: string; texts: string[] }[] = [];
  const look = async (where: string, target: Page = page) => {
    await expect(target.locator('html')).toHaveAttribute('lang', PSEUDO);
    seen.push({ where, texts: await readableTexts(target) });
  };

  await page.goto('/');
  await look('catalogue');
  await page.goto('/products/pop-up-castle');
  await look('product');
  for (const slug of ['pop-up-castle', 'printable-card-templates', 'article-how-pop-ups-work']) {
    await page.goto(`/products/${slug}`);
    await page.locator('form.add-to-cart button[type="submit"]').click();
    await expect(page.locator('form.add-to-cart [role="status"]')).toBeVisible();
  }
  await look('product, added to the cart');
  await page.goto('/cart');
  await look('cart');

  await page.goto('/checkout');
  await look('checkout');
  await page.locator('form.checkout-form button[type="submit"]').click();
  await expect(page.locator('#email[aria-invalid="true"]')).toBeVisible();
  await look('checkout with validation errors');
  await page.locator('#email').fill(customer.email);
  await page.locator('#fullName').fill(customer.fullName);
  await page.locator('#addressLine1').fill(customer.addressLine1);
  await page.locator('#addressLine2').fill(customer.addressLine2);
  await page.locator('#city').fill(customer.city);
  await page.locator('#postalCode').fill(customer.postalCode);
  await page.locator('#country').selectOption(customer.country);
  await page.locator('form.checkout-form button[type="submit"]').click();
  await page.waitForURL(/\/orders\/\d+\/test-payment\?signature=/);
  await look('test payment page');
  const number = new URL(page.url()).pathname.split('/')[2];
  await page.locator('button[name="outcome"][value="pay"]').click();
  await page.waitForURL(/\/orders\/\d+\?signature=/);
  const signed = new URL(page.url());
  await expect(page.locator('#reading')).toBeVisible();
  await look('order page, FULL tier');

  const stranger = await browser.newContext();
  await inPseudoLocale(stranger);
  const other = await stranger.newPage();
  await other.goto(`${signed.pathname}${signed.search}`);
  await expect(other.locator('#claim-email')).toBeVisible();
  await look('order page, MINIMAL tier', other);
  await other.goto(`/orders/${number}`);
  await look('order page, EXISTS tier', other);
  await other.goto(`/orders/${number}/claim`);
  await look('claim page', other);
  await other.goto('/articles');
  await look('articles', other);
  await other.goto('/articles/how-pop-ups-work');
  await look('an article (teaser, locked)', other);
  await other.goto('/passes/studio-pass');
  await look('a pass page without its link', other);
  await other.goto('/account');
  await look('account, signed out', other);
  await other.goto('/no-such-page');
  await look('404', other);
  const refused = await other.goto('/api/downloads/printable-card-templates?token=not-a-token');
  expect(refused?.status()).toBe(400);
  await look('a download refused', other);
  await stranger.close();

  const allowed = allowedData(Object.values(customer));
  expectOnlyCatalogueWords(seen, allowed);
});

// Every page and state a shopper can meet (support/tour.ts): the flows of issues 19 and 20
// included (find my orders, fresh links, the license key on the order page, update opt-out).
test('every stop of the shopper\'s tour speaks only the catalogue\'s words', async ({ browser }) => {
  test.setTimeout(300_000);
  const tour = await prepareTour(browser);
  const seen: { where: string; texts: string[] }[] = [];
  for (const stop of SHOPPER_STOPS) seen.push({ where: stop.name, texts: await visitStop(browser, tour, stop, PSEUDO, readableTexts) });
  expectOnlyCatalogueWords(seen, allowedData(tour.typed));
});
