/*
 * Pop-up Card Shop — shop builder for merchant sites (no framework, no dependencies).
 *
 *   <script>window.shopSession = { secure: { payload: securePayload, key: secureKey } };</script>   (optional)
 *   <script src="https://SHOP/shop-builder.js" data-access-key="YOUR_ACCESS_KEY"></script>
 *
 *   shopBuilder.secure(securePayload, secureKey)        → the shop's checkout, prefilled
 *   shopBuilder.authenticate(securePayload, secureKey)  → the shop's account page, signed in
 *
 * Each call navigates the whole window with a form POST to the shop (nothing is sent with
 * fetch or kept in a URL). For a test-mode integration, pass the payload as a plain object
 * and an empty key.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var accessKey = script.getAttribute('data-access-key') || '';
  var shop = new URL(script.src, document.baseURI).origin;

  function post(path, payload, key) {
    if (!accessKey) throw new Error('shop-builder.js: add data-access-key="…" to its script tag');
    var form = document.createElement('form');
    form.method = 'POST';
    form.action = shop + path;
    form.acceptCharset = 'UTF-8';
    form.style.display = 'none';
    var fields = {
      accessKey: accessKey,
      securePayload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      secureKey: key || ''
    };
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    (document.body || document.documentElement).appendChild(form);
    form.submit();
  }

  window.shopBuilder = {
    secure: function (payload, key) { post('/checkout/secure', payload, key); },
    authenticate: function (payload, key) { post('/account/authenticate', payload, key); }
  };

  var session = window.shopSession;
  if (session && session.secure && session.secure.payload) {
    var start = function () { window.shopBuilder.secure(session.secure.payload, session.secure.key); };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})();
