'use client';

import { useState } from 'react';

/** Its words, translated on the server (words.ts): the order page ships no translator. */
export interface DownloadWords { button: string; label: string; failed: string }

interface Props { orderLink: string; licenseId: number; productSlug: string; locale: string; words: DownloadWords; /** An earlier version picked; absent: the current one. */ versionId?: number }

/** Each click asks for a fresh short-lived token, then lets the browser download. */
export function DownloadButton({ orderLink, licenseId, productSlug, locale, words, versionId }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function download() {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/api/downloads/token', {
        method: 'POST',
        // A refusal comes back in the page's language, which may be the merchant's rather than the browser's.
        headers: { 'content-type': 'application/json', 'accept-language': locale },
        body: JSON.stringify({ order_link: orderLink, license_id: licenseId, product_slug: productSlug, version_id: versionId }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok && typeof body.url === 'string') window.location.assign(body.url);
      // The refusal's words come from the server, already in this page's language.
      else setError(typeof body.message === 'string' ? body.message : words.failed);
    } catch {
      setError(words.failed);
    } finally {
      setTimeout(() => setBusy(false), 1500);
    }
  }

  return (
    <span className="download">
      <button type="button" onClick={download} aria-disabled={busy} aria-label={words.label}>{words.button}</button>
      {error ? <span role="alert" className="form-error">{error}</span> : null}
    </span>
  );
}
