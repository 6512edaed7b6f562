// No bare pages: a refusal a person sees (a bad download token, a bad merchant post, the
// database down) is a page in the shop's layout and the reader's language, with a way on.
import { describe, expect, it, vi } from 'vitest';
import { LicenseRevoked, TokenExpired } from '@/lib/downloads/errors';
import { SecurePayloadError } from '@/lib/secure-payload/errors';
import { errorPage, refusalResponse, unavailablePage } from '@/lib/http/errors';

vi.spyOn(console, 'warn').mockImplementation(() => {});
vi.spyOn(console, 'error').mockImplementation(() => {});

/** The landmarks of the shop's layout, as app/layout.tsx renders them. */
function expectShopLayout(html: string) {
  expect(html).toMatch(/^<!doctype html><html lang="\w+">/);
  expect(html).toMatch(/<header class="site-header">.*<a href="\/" class="brand">.+<\/a>.*<nav [^>]*class="site-nav">.*<\/nav><\/header>/);
  expect(html).toContain('<main id="main" tabindex="-1">');
  expect(html).toMatch(/<footer class="site-footer">.+<\/footer><\/body><\/html>$/);
}

describe('an error page', () => {
  it('has the site header with its links, a main landmark, the footer and a way on, in its language', () => {
    const page = errorPage(new TokenExpired(), 'test', 'download', 'fr');
    expect(page.status).toBe(410);
    expectShopLayout(page.html);
    expect(page.html).toContain('<html lang="fr">');
    expect(page.html).toContain('<title>Téléchargement indisponible · Boutique Pop-up</title>');
    expect(page.html).toContain('<h1>Téléchargement indisponible</h1>');
    expect(page.html).toContain('Ce lien de téléchargement a expiré.');
    expect(page.html).toContain('<a href="/articles">Articles</a><a href="/cart">Panier</a>');
    expect(page.html).toContain('<p><a href="/">Retour au catalogue</a></p>');
    expect(page.headers).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' });
  });

  it('sends a checkout refusal back to the cart', () => {
    expect(errorPage(new SecurePayloadError('REPLAYED', 'nonce seen'), 't', 'checkout', 'de').html).toContain('<a href="/cart">Zurück zum Warenkorb</a>');
  });

  it('styles itself under the request\'s CSP nonce, and escapes it', () => {
    expect(errorPage(new LicenseRevoked(), 't', 'download', 'en', { nonce: 'n0nce+/=' }).html).toContain('<style nonce="n0nce+/=">');
    expect(errorPage(new LicenseRevoked(), 't').html).toContain('<style>');
    expect(errorPage(new LicenseRevoked(), 't', 'download', 'en', { nonce: '"><script>' }).html).not.toContain('"><script>');
  });

  it('never names what went wrong inside', () => {
    const page = errorPage(new Error('boom <b>at</b> /srv/secret.ts'), 't', 'order', 'de');
    expect(page.status).toBe(500);
    expect(page.html).not.toMatch(/secret|boom|<b>/);
    expectShopLayout(page.html);
  });
});

describe('a route handler\'s refusal', () => {
  const post = (headers: Record<string, string>) => new Request('http://shop.test/checkout/secure', { method: 'POST', headers });

  it('is JSON for a program that asks for it, with the same status', async () => {
    const response = refusalResponse(new SecurePayloadError('REPLAYED', 'x'), 't', post({ accept: 'application/json' }), 'checkout', 'en');
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: 'REPLAYED', message: 'This secure payload has already been used. Go back and try again.' });
  });

  it('is the page for a person\'s browser, styled under the nonce the proxy passed on', async () => {
    const response = refusalResponse(new SecurePayloadError('REPLAYED', 'x'), 't', post({ accept: 'text/html', 'x-nonce': 'abc123' }), 'checkout', 'de');
    expect(response.status).toBe(409);
    const html = await response.text();
    expectShopLayout(html);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<style nonce="abc123">');
  });
});

describe('the database-down page', () => {
  it('is a 503 to come back to, in the layout and the language', async () => {
    const response = unavailablePage('fr');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    const html = await response.text();
    expectShopLayout(html);
    expect(html).toContain('<h1>Momentanément indisponible</h1>');
    expect(html).toContain('<a href="">Réessayer</a>');
  });
});
