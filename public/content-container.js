// <shop-content-container lock-mode="signedUrl" item-src="…" access-url="…">: a framework-free
// element that unlocks an article with the signed link in its page's URL (or its `pass`
// parameter). It sends the link to the access URL in X-Sesamy-Signed-Url, without cookies,
// and shows the article or why it stays locked. Children are the locked fallback (a teaser).
// When the page was already rendered unlocked on the server (`state` set), it does nothing.
const MESSAGES = {
  locked: 'This article is for buyers. Open it from the link in your confirmation email.',
  expired: 'This link has expired. Open your order page for a fresh one.',
  invalid: 'This link is not valid for this article.',
  failed: 'The article could not be loaded. Please try again.',
};

class ShopContentContainer extends HTMLElement {
  connectedCallback() {
    if (this.getAttribute('lock-mode') !== 'signedUrl' || this.hasAttribute('state')) return;
    this.unlock();
  }

  itemUrl() {
    return (this.getAttribute('item-src') || window.location.href).split(/[?#]/)[0];
  }

  signedLink() {
    const search = window.location.search;
    const pass = new URLSearchParams(search).get('pass');
    if (pass) return pass;
    return /[?&]ss=/.test(search) ? this.itemUrl() + search : null;
  }

  accessUrl() {
    const explicit = this.getAttribute('access-url');
    if (explicit) return explicit;
    const item = new URL(this.itemUrl());
    return `${item.origin}/api/access/${item.pathname.split('/').pop()}`;
  }

  async unlock() {
    const link = this.signedLink();
    if (!link) return this.settle('locked');
    this.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(this.accessUrl(), { headers: { 'X-Sesamy-Signed-Url': link }, credentials: 'omit', cache: 'no-store' });
      const body = await response.json();
      if (response.ok && typeof body.html === 'string') {
        const article = document.createElement('div');
        article.className = 'article-body';
        article.innerHTML = body.html; // sanitised by the shop
        this.replaceChildren(article);
        return this.settle('unlocked');
      }
      this.settle(response.status === 410 ? 'expired' : 'invalid');
    } catch {
      this.settle('failed');
    }
  }

  settle(state) {
    this.removeAttribute('aria-busy');
    this.setAttribute('state', state);
    if (state === 'unlocked') return;
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.className = 'content-container-message';
    note.textContent = MESSAGES[state];
    this.append(note);
  }
}

if (!customElements.get('shop-content-container')) customElements.define('shop-content-container', ShopContentContainer);
