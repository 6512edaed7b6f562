// A page Next does not render (a route handler's refusal, the download hot path, the proxy's
// 503) still looks like the shop and speaks the reader's language: the site header with its
// links, a main landmark, the footer. Its few styles are inline, under the request's CSP nonce
// when the response carries the proxy's policy (the download endpoint and the 503 carry none).
import { translatorFor } from '../i18n/messages';
import { catalogueFor } from '../i18n/locales';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The parts of app/globals.css these pages use.
const STYLE = [
  ':root{--ink:#2b2230;--muted:#6d6472;--paper:#fffaf5;--card:#fff;--accent:#b03a62;--line:#eadfd6;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}',
  'body{margin:0;min-height:100vh;display:flex;flex-direction:column}',
  'main{flex:1;width:min(1080px,100% - 2rem);margin:1.5rem auto}a{color:var(--accent)}h1{font-family:Georgia,serif;font-weight:600}',
  '.site-header{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:1rem;padding:1rem 2rem;background:var(--card);border-bottom:1px solid var(--line);position:relative}',
  '.brand{font-family:Georgia,serif;font-size:1.4rem;text-decoration:none;color:var(--ink)}.site-nav{display:flex;gap:1.25rem;flex-wrap:wrap}',
  '.skip-link{position:absolute;left:.5rem;top:-3rem;padding:.5rem .75rem;background:var(--accent);color:#fff;border-radius:6px}.skip-link:focus{top:.5rem}',
  '.notice{padding:1.5rem;background:var(--card);border:1px solid var(--line);border-radius:12px}',
  '.site-footer{padding:1.5rem 2rem;color:var(--muted);font-size:.9rem;text-align:center}',
].join('');

export interface ShopPage {
  /** The page's language: its words and its `lang`. */
  locale: string;
  /** The heading, also the tab's title (plain text). */
  heading: string;
  /** What follows the heading, as HTML (escape what it quotes). */
  body: string;
  /** The request's CSP nonce, when the response carries the proxy's policy. */
  nonce?: string | null;
}

/** The whole document, as a string. */
export function shopPage({ locale, heading, body, nonce }: ShopPage): string {
  const t = translatorFor(locale, 'Layout');
  const title = escapeHtml(heading);
  const nonceAttribute = nonce ? ` nonce="${escapeHtml(nonce)}"` : '';
  return `<!doctype html><html lang="${catalogueFor(locale)}"><head><meta charset="utf-8">`
    + '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">'
    + `<title>${title} · ${escapeHtml(t('brand'))}</title><style${nonceAttribute}>${STYLE}</style></head><body>`
    + `<header class="site-header"><a href="#main" class="skip-link">${escapeHtml(t('skip'))}</a>`
    + `<a href="/" class="brand">${escapeHtml(t('brand'))}</a>`
    + `<nav aria-label="${escapeHtml(t('mainNav'))}" class="site-nav"><a href="/">${escapeHtml(t('catalogue'))}</a>`
    + `<a href="/articles">${escapeHtml(t('articles'))}</a><a href="/cart">${escapeHtml(t('cart'))}</a></nav></header>`
    + `<main id="main" tabindex="-1"><section class="notice"><h1>${title}</h1>${body}</section></main>`
    + `<footer class="site-footer"><p><a href="/my-orders">${escapeHtml(t('findOrders'))}</a></p><p>${escapeHtml(t('footer'))}</p></footer></body></html>`;
}
