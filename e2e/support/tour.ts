// Every page and state of the shop a person can meet, for the checks that hold on all of them
// (phones.spec.ts: nothing scrolls sideways; a11y.spec.ts: axe finds nothing). `prepareTour`
// places the orders, buys the content and logs the admin in once, in English; each stop then
// opens in a fresh context of its own, in the language asked for (the `shop_lang` cookie the
// header's language switch sets). Steps after `goto` use no words, so they work in any language.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LOCALES, type Catalogue, type Locale } from '../../lib/i18n/locales';
import { ADMIN_PASSWORD, BASE_URL, CURRENT_KEY } from './env';
import { buyContent, resignWithExpiry, tamper as tampered } from './content';
import { addToCart, licensesOf, loginAsAdmin, newCustomer, placeOrder, placeUnpaidOrder, signWithKey, type Customer } from './shop';
import { createDownloadToken, downloadTokenRing } from '../../lib/downloads/token';
import { claimPath, orderClaimRing } from '../../lib/order-claims/claims';
import { orderFinderRing, signInPath } from '../../lib/order-finder/sign-in';
import { signedPath } from '../../lib/signing';
import { optOutPath, updateNoticeRing } from '../../lib/versions/notices';

/** Every language the shop speaks (lib/i18n/locales.ts): a new one is toured without a change here. */
export const LANGUAGES = LOCALES;
export type Language = Locale;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface Tour {
  /** The browser that bought: its session holds the orders below and a cart of two items. */
  buyer: StorageState;
  admin: StorageState;
  /** Castle, templates and the plugin, paid; the plugin's key has one activation. */
  paid: { number: string; url: string };
  content: { url: string; article: string; pass: string };
  unpaid: { number: string; url: string; testPayment: string };
  /** What the buyers typed and what the license API was told: data the pages show, not the shop's words. */
  typed: string[];
}

/** Who opens a stop: a new visitor, the buyer's browser, or the logged-in admin. */
export type Visitor = 'fresh' | 'buyer' | 'admin';

export interface Stop {
  name: string;
  who: Visitor;
  /** Opens the page and brings it to the state named; waits until that state shows. */
  open(page: Page, tour: Tour): Promise<void>;
}

const go = (path: string | ((tour: Tour) => string)) => async (page: Page, tour: Tour) => {
  await page.goto(typeof path === 'string' ? path : path(tour));
};

/** Submits the page's form (found by `form`) and waits for what the answer shows (`shows`). */
const submit = (path: string | ((tour: Tour) => string), form: string, shows: string, fill?: (page: Page) => Promise<void>) =>
  async (page: Page, tour: Tour) => {
    await go(path)(page, tour);
    await fill?.(page);
    await page.locator(form).locator('button[type="submit"]').first().click();
    await expect(page.locator(shows).first()).toBeVisible();
  };

const INSTANCE_NAME = 'Studio Mac';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Registers a webhook endpoint (nothing listens at its port) and opens its page, asking to confirm a rotation. */
async function openWebhookEndpoint(page: Page) {
  await page.goto('/admin/webhooks');
  const form = page.locator('form:has(input[name="url"])').last();
  await form.locator('input[name="url"]').fill('http://127.0.0.1:9/tour-hooks');
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('webhook-secret')).toBeVisible();
  await page.reload();
  const href = await page.locator('a[href^="/admin/webhooks/"]').last().getAttribute('href');
  await page.goto(`${href}?confirm=rotate`);
}

/** The same link, signed by the shop, one minute past its expiry. */
const expired = (link: string) => resignWithExpiry(link, Date.now() - 60_000);

export const SHOPPER_STOPS: Stop[] = [
  { name: 'catalogue', who: 'fresh', open: go('/') },
  { name: 'product, physical', who: 'fresh', open: go('/products/pop-up-castle') },
  { name: 'product, download', who: 'fresh', open: go('/products/printable-card-templates') },
  { name: 'product, article', who: 'fresh', open: go('/products/article-how-pop-ups-work') },
  { name: 'product, pass', who: 'fresh', open: go('/products/studio-pass') },
  { name: 'product, added to cart', who: 'fresh', open: submit('/products/pop-up-castle', 'form.add-to-cart', 'form.add-to-cart [role="status"]') },
  { name: 'product, quantity refused', who: 'fresh', open: submit('/products/pop-up-castle', 'form.add-to-cart', '#quantity-error', (p) => p.locator('#quantity').fill('0')) },
  { name: 'cart, empty', who: 'fresh', open: go('/cart') },
  { name: 'cart, two items', who: 'buyer', open: go('/cart') },
  { name: 'checkout, empty cart', who: 'fresh', open: go('/checkout') },
  { name: 'checkout', who: 'buyer', open: go('/checkout') },
  { name: 'checkout, with errors', who: 'buyer', open: submit('/checkout', 'form.checkout-form', '[aria-invalid="true"]') },
  { name: 'test payment page', who: 'buyer', open: go((t) => t.unpaid.testPayment) },
  { name: 'order, FULL (paid, address form, downloads, license key)', who: 'buyer', open: go((t) => t.paid.url) },
  { name: 'order, FULL (reading)', who: 'buyer', open: go((t) => t.content.url) },
  { name: 'order, awaiting payment after a decline', who: 'buyer', open: go((t) => t.unpaid.url) },
  { name: 'order, MINIMAL', who: 'fresh', open: go((t) => t.paid.url) },
  { name: 'order, MINIMAL, claim asked', who: 'fresh',
    open: submit((t) => t.paid.url, 'form.claim-form', 'form.claim-form [role="status"]', (p) => p.locator('form.claim-form input[type="email"]').fill('someone@example.com')) },
  { name: 'order, EXISTS', who: 'fresh', open: go((t) => `/orders/${t.paid.number}`) },
  { name: 'order, EXISTS, link expired', who: 'fresh', open: go((t) => signWithKey(t.paid.number, CURRENT_KEY, Math.floor(Date.now() / 1000) - 60)) },
  { name: 'claim page', who: 'fresh', open: go((t) => `/orders/${t.paid.number}/claim?claim=not-a-real-one`) },
  { name: 'claim page, link refused', who: 'fresh', open: submit((t) => `/orders/${t.paid.number}/claim?claim=not-a-real-one`, 'main form', '[role="alert"]') },
  { name: 'articles', who: 'fresh', open: go('/articles') },
  { name: 'article, free', who: 'fresh', open: go('/articles/choosing-paper') },
  { name: 'article, locked (teaser)', who: 'fresh', open: go('/articles/how-pop-ups-work') },
  { name: 'article, unlocked by its link', who: 'fresh', open: go((t) => t.content.article) },
  { name: 'article, tampered link', who: 'fresh', open: go((t) => tampered(t.content.article)) },
  { name: 'article, link expired', who: 'fresh', open: go((t) => expired(t.content.article)) },
  { name: 'article, fresh link asked', who: 'fresh',
    open: submit((t) => expired(t.content.article), 'form.fresh-link', 'main [role="status"]',
      (p) => p.locator('form.fresh-link input[type="email"]').fill('someone@example.com')) },
  { name: 'pass page', who: 'fresh', open: go((t) => t.content.pass) },
  { name: 'pass page, no link', who: 'fresh', open: go('/passes/studio-pass') },
  { name: 'account, signed out', who: 'fresh', open: go('/account') },
  { name: 'not found (404)', who: 'fresh', open: go('/no-such-page') },
  { name: 'download refused (400 page)', who: 'fresh', open: go('/api/downloads/printable-card-templates?token=not-a-token') },
  { name: 'download expired (410 page, fresh link offered)', who: 'fresh', open: go((t) => `/api/downloads/printable-card-templates?token=${
    createDownloadToken(licensesOf(t.paid.number).find((l) => l.slug === 'printable-card-templates')!.id, 'printable-card-templates', downloadTokenRing([CURRENT_KEY]), nowSeconds() - 600)}`) },
  { name: 'claim page, link expired (fresh link offered)', who: 'fresh',
    open: go((t) => signedPath(claimPath(t.paid.number), orderClaimRing([CURRENT_KEY]), { expires: nowSeconds() - 60, query: [['nonce', 'tour']] })) },
  { name: 'fresh link sent', who: 'fresh', open: go('/fresh-link/sent') },
  { name: 'find my orders', who: 'fresh', open: go('/my-orders') },
  { name: 'find my orders, link asked', who: 'fresh',
    open: submit('/my-orders', 'form.claim-form', 'form.claim-form [role="status"]', (p) => p.locator('form.claim-form input[type="email"]').fill(`tour.${Date.now()}.${Math.random()}@example.com`)) },
  { name: 'find my orders, orders held', who: 'buyer', open: go('/my-orders') },
  { name: 'sign-in page', who: 'fresh', open: go(() => signInPath('tour-nonce', orderFinderRing([CURRENT_KEY]), nowSeconds() + 600)) },
  { name: 'sign-in page, link expired', who: 'fresh', open: go(() => signInPath('tour-nonce', orderFinderRing([CURRENT_KEY]), nowSeconds() - 60)) },
  { name: 'sign-in link refused (410 page)', who: 'fresh', open: submit(() => signInPath('tour-nonce', orderFinderRing([CURRENT_KEY]), nowSeconds() + 600), 'main form', 'main h1') },
  { name: 'update emails opt-out', who: 'fresh', open: go((t) => signedPath(optOutPath(t.paid.number), updateNoticeRing([CURRENT_KEY]))) },
  { name: 'update emails opt-out, link refused', who: 'fresh', open: go((t) => `${optOutPath(t.paid.number)}?signature=not-a-real-one`) },
];

export const ADMIN_STOPS: Stop[] = [
  { name: 'admin login', who: 'fresh', open: go('/admin/login') },
  { name: 'admin login, wrong password', who: 'fresh',
    open: submit('/admin/login', 'main form', '[role="alert"]', (p) => p.locator('input[type="password"]').fill('not-the-password')) },
  { name: 'admin orders', who: 'admin', open: go('/admin') },
  { name: 'admin order', who: 'admin', open: go((t) => `/admin/orders/${t.paid.number}`) },
  { name: 'admin order, confirming dispatch', who: 'admin', open: go((t) => `/admin/orders/${t.paid.number}?confirm=dispatch`) },
  { name: 'admin order awaiting payment', who: 'admin', open: go((t) => `/admin/orders/${t.unpaid.number}`) },
  { name: 'admin products', who: 'admin', open: go('/admin/products') },
  { name: 'admin product, physical', who: 'admin', open: go('/admin/products/pop-up-castle') },
  { name: 'admin product, download', who: 'admin', open: go('/admin/products/printable-card-templates') },
  { name: 'admin product, software (versions, license keys)', who: 'admin', open: go('/admin/products/paper-engineering-plugin') },
  { name: 'admin coupons', who: 'admin', open: go('/admin/coupons') },
  { name: 'admin accounts', who: 'admin', open: go('/admin/accounts') },
  { name: 'admin articles', who: 'admin', open: go('/admin/articles') },
  { name: 'admin payments', who: 'admin', open: go('/admin/payments') },
  { name: 'admin outbox', who: 'admin', open: go('/admin/outbox') },
  { name: 'admin integrations', who: 'admin', open: go('/admin/integrations') },
  { name: 'admin keys', who: 'admin', open: go('/admin/keys') },
  { name: 'admin webhooks', who: 'admin', open: go('/admin/webhooks') },
  { name: 'admin webhook endpoint, confirming rotation', who: 'admin', open: openWebhookEndpoint },
];

/** The orders, content and sessions the stops need: about 20 s, once per spec file. */
export async function prepareTour(browser: Browser): Promise<Tour> {
  const buying = await browser.newContext();
  const page = await buying.newPage();
  const customers: Customer[] = [newCustomer(), newCustomer(), newCustomer()];
  const paid = await placeOrder(page, customers[0], [['pop-up-castle', 1], ['printable-card-templates', 1], ['paper-engineering-plugin', 1]]);
  await page.goto(paid.url);
  const licenseKey = (await page.getByTestId('license-key').textContent())!.trim();
  const activated = await page.request.post('/api/licenses/activate', { form: { license_key: licenseKey, instance_name: INSTANCE_NAME } });
  if (!activated.ok()) throw new Error(`activating the tour's plugin key answered ${activated.status()}`);
  const contentNumber = await buyContent(page, customers[1], ['article-how-pop-ups-work', 'studio-pass']);
  const contentUrl = new URL(page.url());
  const links = await page.getByTestId('content-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const article = links.find((l) => l.includes('/articles/'));
  const pass = links.find((l) => l.includes('/passes/'));
  if (!article || !pass) throw new Error(`the order page of #${contentNumber} links no article or pass: ${links.join(' ')}`);
  const unpaid = await placeUnpaidOrder(page, customers[2], [['pop-up-sailing-ship', 1]]);
  await page.waitForURL(/\/test-payment\?/);
  const testPayment = new URL(page.url());
  await page.locator('button[value="decline"]').click();
  await page.waitForURL(/\/orders\/\d+\?signature=/);
  await addToCart(page, 'pop-up-castle');
  await addToCart(page, 'printable-card-templates', 2);
  const buyer = await buying.storageState();
  await buying.close();

  const admin = await browser.newContext();
  await loginAsAdmin(await admin.newPage(), ADMIN_PASSWORD);
  const adminState = await admin.storageState();
  await admin.close();
  return {
    buyer, admin: adminState, paid,
    content: { url: `${contentUrl.pathname}${contentUrl.search}`, article, pass },
    unpaid: { ...unpaid, testPayment: `${testPayment.pathname}${testPayment.search}` },
    typed: [...customers.flatMap((customer) => Object.values(customer)), licenseKey, INSTANCE_NAME],
  };
}

/** A new context for one stop: the visitor's cookies and the language cookie the header's switch sets. */
export async function contextFor(browser: Browser, tour: Tour, who: Visitor, language: Language | Catalogue, viewport = { width: 390, height: 844 }) {
  const storageState = who === 'buyer' ? tour.buyer : who === 'admin' ? tour.admin : undefined;
  const context = await browser.newContext({ storageState, viewport, locale: language });
  await context.addCookies([{ name: 'shop_lang', value: language, url: BASE_URL }]);
  return context;
}

/** Opens a stop as its visitor would, in `language`, checks the page says so, runs `look` on it and closes it. */
export async function visitStop<T>(browser: Browser, tour: Tour, stop: Stop, language: Language | Catalogue,
  look: (page: Page) => Promise<T>, viewport?: { width: number; height: number }): Promise<T> {
  const context = await contextFor(browser, tour, stop.who, language, viewport);
  try {
    const page = await context.newPage();
    await stop.open(page, tour);
    await expect(page.locator('html'), stop.name).toHaveAttribute('lang', language);
    return await look(page);
  } finally {
    await context.close();
  }
}

/**
 * For a spec file: prepares the tour once, and registers one test per stop and language that opens
 * the stop as its visitor would, in that language, at `viewport`, then runs `check` on the page.
 * Returns a getter for the tour, for the file's other tests.
 */
export function testEveryStop(title: (stop: Stop, language: Language) => string, viewport: { width: number; height: number },
  check: (page: Page) => Promise<void>): () => Tour {
  let tour: Tour | undefined;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    tour = await prepareTour(browser);
  });
  for (const language of LANGUAGES) {
    for (const stop of [...SHOPPER_STOPS, ...ADMIN_STOPS]) {
      test(title(stop, language), ({ browser }) => visitStop(browser, tour!, stop, language, check, viewport));
    }
  }
  return () => tour!;
}
