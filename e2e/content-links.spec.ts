import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_PASSWORD, BASE_URL, FIXTURES_URL, PARTNER_ORIGIN, STRANGER_ORIGIN } from './support/env';
import { loginAsAdmin, newCustomer, waitForMail } from './support/shop';
import { BODY_ONLY, buyContent, contentLinksIn, resignWithExpiry, tamper } from './support/content';

const bodyOf = async (request: APIRequestContext, url: string, headers: Record<string, string> = {}) =>
  (await (await request.get(url, { headers })).body()).toString('utf8');

test('an emailed article link opens the article in a fresh browser; tampered and expired links do not', async ({ page, browser, request }) => {
  const customer = newCustomer();
  await buyContent(page, customer, ['article-how-pop-ups-work']);
  const mail = await waitForMail(request, customer.email, /is confirmed/);
  expect(mail.text).not.toContain('We will deliver it to');
  const [link] = contentLinksIn(mail.text);
  expect(link).toMatch(/\/articles\/how-pop-ups-work\?sp=cms-how-pop-ups-work&se=\d+&si=article-how-pop-ups-work&sg=[\w-]{22}&sk=[\w-]+&ss=[\w-]+$/);

  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  await reader.goto(link);
  await expect(reader.getByRole('heading', { name: 'The V-fold' })).toBeVisible();
  await expect(reader.getByText(BODY_ONLY['how-pop-ups-work'])).toBeVisible();

  await reader.goto(tamper(link));
  await expect(reader.getByTestId('lock-reason')).toHaveText('This link is not valid.');
  await expect(reader.getByText(BODY_ONLY['how-pop-ups-work'])).toHaveCount(0);
  await expect(reader.getByRole('button', { name: 'Add to cart' })).toBeVisible();

  // the clock moved 1 ms past se: the same link, signed by the shop, expired
  const expired = resignWithExpiry(link, Date.now() - 1);
  await reader.goto(expired);
  await expect(reader.getByTestId('lock-reason')).toHaveText('This link has expired.');
  await expect(reader.getByText(BODY_ONLY['how-pop-ups-work'])).toHaveCount(0);

  // "send me a fresh link": the same answer for a stranger's address and the buyer's
  await reader.getByLabel('Email you ordered with').fill('nobody@example.com');
  await reader.getByRole('button', { name: 'Send me a fresh link' }).click();
  const answer = 'If that address bought this, a fresh link is on its way to it.';
  await expect(reader.getByRole('status')).toHaveText(answer);
  await reader.goto(expired);
  await reader.getByLabel('Email you ordered with').fill(customer.email);
  await reader.getByRole('button', { name: 'Send me a fresh link' }).click();
  await expect(reader.getByRole('status')).toHaveText(answer);
  const freshMail = await waitForMail(request, customer.email, /Fresh reading links/);
  await reader.goto(contentLinksIn(freshMail.text)[0]);
  await expect(reader.getByText(BODY_ONLY['how-pop-ups-work'])).toBeVisible();
  const messages = await (await request.get(`${FIXTURES_URL}/messages`)).json() as { to: string }[];
  expect(messages.some((m) => m.to.includes('nobody@example.com'))).toBe(false);
  await fresh.close();

  // the order page (FULL tier) mints a working link too
  await page.reload();
  await page.getByRole('link', { name: 'Read' }).click();
  await expect(page.getByText(BODY_ONLY['how-pop-ups-work'])).toBeVisible();
});

test('a pass link opens the pass\'s tutorials and not an article outside it', async ({ page, browser, request }) => {
  const customer = newCustomer();
  await buyContent(page, customer, ['studio-pass']);
  const [passLink] = contentLinksIn((await waitForMail(request, customer.email, /is confirmed/)).text);
  expect(passLink).toMatch(/\/passes\/studio-pass\?se=\d+&si=studio-pass&sg=[\w-]{22}&sk=[\w-]+&ss=/);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(passLink);
  await reader.getByRole('link', { name: 'Tutorial: Your First V-fold' }).click();
  await expect(reader).toHaveURL(/\/articles\/v-fold-tutorial\?pass=/);
  await expect(reader.getByText(BODY_ONLY['v-fold-tutorial'])).toBeVisible();

  await reader.goto(`/articles/how-pop-ups-work?pass=${encodeURIComponent(passLink)}`);
  await expect(reader.getByTestId('lock-reason')).toHaveText('This link does not open this article.');
  await expect(reader.getByText(BODY_ONLY['how-pop-ups-work'])).toHaveCount(0);
});

test('a partner origin embeds the content container; a third origin is refused by the browser', async ({ page, browser, request }) => {
  const customer = newCustomer();
  await buyContent(page, customer, ['article-how-pop-ups-work']);
  const [link] = contentLinksIn((await waitForMail(request, customer.email, /is confirmed/)).text);
  const query = new URL(link).search;

  const partner = await (await browser.newContext()).newPage();
  await partner.goto(`${PARTNER_ORIGIN}/embed/how-pop-ups-work${query}`);
  await expect(partner.getByRole('heading', { name: 'The V-fold' })).toBeVisible();
  await expect(partner.locator('shop-content-container')).toHaveAttribute('state', 'unlocked');

  const expiredPage = await (await browser.newContext()).newPage();
  await expiredPage.goto(`${PARTNER_ORIGIN}/embed/how-pop-ups-work${new URL(resignWithExpiry(link, Date.now() - 1)).search}`);
  await expect(expiredPage.getByRole('status')).toHaveText('This link has expired. Open your order page for a fresh one.');

  const stranger = await (await browser.newContext()).newPage();
  const refused = stranger.waitForEvent('console', (m) => /CORS|Access-Control-Allow-Origin/.test(m.text()));
  await stranger.goto(`${STRANGER_ORIGIN}/embed/how-pop-ups-work${query}`);
  await refused;
  await expect(stranger.locator('shop-content-container')).toHaveAttribute('state', 'failed');
  await expect(stranger.getByText(BODY_ONLY['how-pop-ups-work'])).toHaveCount(0);

  const preflight = await request.fetch(`${BASE_URL}/api/access/how-pop-ups-work`, { method: 'OPTIONS', headers: { Origin: STRANGER_ORIGIN, 'Access-Control-Request-Method': 'GET' } });
  expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
});

test('the locked body never reaches the browser: raw HTML, RSC payload, API, other pages', async ({ page, request, playwright }) => {
  const customer = newCustomer();
  await buyContent(page, customer, ['article-how-pop-ups-work', 'studio-pass']);
  const orderUrl = new URL(page.url());
  const links = contentLinksIn((await waitForMail(request, customer.email, /is confirmed/)).text);
  const link = links.find((l) => l.includes('/articles/'))!;
  const passLink = links.find((l) => l.includes('/passes/'))!;
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL });
  const secret = BODY_ONLY['how-pop-ups-work'];
  const locked = {
    'no link': '/articles/how-pop-ups-work',
    tampered: new URL(tamper(link)).pathname + new URL(tamper(link)).search,
    expired: resignWithExpiry(link, Date.now() - 1),
    'pass for other articles': `/articles/how-pop-ups-work?pass=${encodeURIComponent(passLink)}`,
    'prefix path': link.replace('/articles/how-pop-ups-work?', '/articles/how-pop-ups-work-2?'),
    'pass page': passLink,
    'articles index': '/articles',
    'order page, MINIMAL tier': orderUrl.pathname + orderUrl.search,
  };
  for (const [name, url] of Object.entries(locked)) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const body = await bodyOf(anonymous, url, headers);
      expect(body, `${name} ${JSON.stringify(headers)}`).not.toContain(secret);
    }
  }
  // only the FULL tier lists the reading links
  expect(await bodyOf(anonymous, orderUrl.pathname + orderUrl.search)).not.toMatch(/\/(articles|passes)\/[a-z-]+\?[^"]*ss=/);
  expect(await bodyOf(page.context().request, orderUrl.pathname + orderUrl.search)).toMatch(/\/(articles|passes)\/[a-z-]+\?[^"]*ss=/);
  for (const headers of [{}, { 'X-Sesamy-Signed-Url': tamper(link) }, { 'X-Signed-Url': passLink }] as Record<string, string>[]) {
    const response = await anonymous.get('/api/access/how-pop-ups-work', { headers });
    expect([401, 403]).toContain(response.status());
    expect((await response.body()).toString()).not.toContain(secret);
  }
  expect((await anonymous.get('/api/access/how-pop-ups-work', { headers: { 'X-Sesamy-Signed-Url': resignWithExpiry(link, Date.now() - 1) } })).status()).toBe(410);
  // the same checks find the body with a valid link, so the checks above can fail
  for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) expect(await bodyOf(anonymous, link, headers)).toContain(secret);
  const api = await anonymous.get('/api/access/how-pop-ups-work', { headers: { 'X-Sesamy-Signed-Url': link } });
  expect(await api.json()).toMatchObject({ slug: 'how-pop-ups-work', title: 'How Pop-ups Really Work' });

  // the signing key is published for verifiers
  const jwks = await (await anonymous.get('/.well-known/jwks.json')).json() as { keys: Record<string, string>[] };
  const kid = new URL(link).searchParams.get('sk');
  expect(jwks.keys.find((k) => k.kid === kid)).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
  await anonymous.dispose();
});

test('an admin writes an article and adds it to the Studio Pass', async ({ page }) => {
  const slug = `glue-guide-${Date.now().toString(36)}`;
  await loginAsAdmin(page, ADMIN_PASSWORD);
  await page.goto('/admin/articles');
  await page.getByText('New article', { exact: true }).click();
  const form = page.getByRole('form', { name: 'New article' });
  await form.getByLabel('Slug').fill(slug);
  await form.getByLabel('Title').fill('Which Glue Holds');
  await form.getByLabel('Teaser (public)').fill('PVA, glue dots or tape?');
  await form.getByLabel('Body (Markdown, locked)').fill('## PVA\n\nThin coats of **PVA** hold for decades.');
  await form.getByRole('button', { name: 'Create article' }).click();
  await expect(form.getByRole('status')).toHaveText('Article saved.');

  await page.reload();
  await page.locator('summary', { hasText: /^Studio Pass \(/ }).click();
  const passForm = page.getByRole('form', { name: 'Edit Studio Pass' });
  await passForm.getByLabel('Which Glue Holds').check();
  await passForm.getByRole('button', { name: 'Save pass' }).click();
  await expect(passForm.getByRole('status')).toHaveText('Pass saved.');

  await page.goto(`/articles/${slug}`);
  await expect(page.getByText('PVA, glue dots or tape?')).toBeVisible();
  await expect(page.getByText('hold for decades')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Studio Pass' })).toBeVisible();
});
