// What search engines may find: the catalogue, product pages and the articles' teasers, with
// structured data; never orders, admin, downloads or anything carrying a signed link.
import { expect, test } from '@playwright/test';

const structuredData = async (page: import('@playwright/test').Page) =>
  Promise.all((await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text)));

test('robots.txt and sitemap.xml let the catalogue and the articles in, and keep private paths out', async ({ request, baseURL }) => {
  const robots = await (await request.get('/robots.txt')).text();
  for (const path of ['/orders/', '/admin', '/account', '/checkout', '/api/', '/passes/', '/articles/*?']) expect(robots).toContain(`Disallow: ${path}\n`);
  expect(robots).toContain('Sitemap: ');
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const path of ['/products/pop-up-castle', '/products/studio-pass', '/articles', '/articles/how-pop-ups-work']) {
    expect(sitemap).toContain(`<loc>${new URL(path, baseURL).href.replace(/\/$/, '')}</loc>`);
  }
  expect(sitemap).not.toMatch(/\/orders\/|\/admin|signature=|ss=/);
});

test('an article teaser is indexable with paywall markup; the same page with a signed link is not', async ({ page, request }) => {
  const plain = await request.get('/articles/how-pop-ups-work');
  expect(plain.headers()['x-robots-tag']).toBeUndefined();
  await page.goto('/articles/how-pop-ups-work');
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  const [article] = await structuredData(page);
  expect(article).toMatchObject({ '@type': 'Article', isAccessibleForFree: false, hasPart: { isAccessibleForFree: false, cssSelector: '.paywalled' } });
  await expect(page.locator('.paywalled')).toHaveCount(1);

  const signed = await request.get('/articles/how-pop-ups-work?sp=x&se=1&si=y&sk=z&ss=abc');
  expect(signed.headers()['x-robots-tag']).toBe('noindex');
  expect(signed.headers()['cache-control']).toBe('private, no-store');
  expect((await request.get('/articles/v-fold-tutorial?pass=x')).headers()['x-robots-tag']).toBe('noindex');
  expect((await request.get('/articles')).headers()['x-robots-tag']).toBeUndefined();
});

test('a product page carries Product and Offer data, and every page its favicon', async ({ page, request }) => {
  await page.goto('/products/pop-up-castle');
  const [product] = await structuredData(page);
  expect(product).toMatchObject({ '@type': 'Product', name: 'Fairy-tale Castle Pop-up Card', offers: { '@type': 'Offer', price: '16.00', priceCurrency: 'EUR' } });
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toMatch(/^\/icon\.svg/);
  const served = await request.get(icon!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toContain('image/svg+xml');
});

test('public pages link their language versions (hreflang), and ?lang= serves each; private pages link none', async ({ page, request, baseURL }) => {
  for (const path of ['/', '/products/pop-up-castle', '/articles', '/articles/how-pop-ups-work']) {
    await page.goto(path);
    // Next writes the site's root without its slash (http://host rather than http://host/).
    const alternates = Object.fromEntries(await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')!.replace(/\/(\?|$)/, '$1')])));
    const url = (query = '') => `${new URL(path, baseURL).href}${query}`.replace(/\/(\?|$)/, '$1');
    expect(alternates, path).toEqual({ en: url('?lang=en'), de: url('?lang=de'), fr: url('?lang=fr'), 'x-default': url() });
    expect((await page.locator('link[rel="canonical"]').getAttribute('href'))!.replace(/\/$/, ''), path).toBe(url());
  }

  await page.goto('/products/pop-up-castle?lang=fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Ajouter au panier' })).toBeVisible();
  await expect(page.locator('.product-detail .price')).toHaveText(/^16,00\s€$/);
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(new URL('/products/pop-up-castle?lang=fr', baseURL).href);
  // For that request only: the next page is in the browser's language again.
  await page.goto('/products/pop-up-castle');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const signed = await request.get('/articles/how-pop-ups-work?sp=x&se=1&si=y&sk=z&ss=abc');
  expect(await signed.text()).not.toContain('hreflang');
});
