'use client';

import { useState } from 'react';

interface Props { orderLink: string; licenseId: number; productSlug: string; productName: string }

/** Each click asks for a fresh short-lived token, then lets the browser download. */
export function DownloadButton({ orderLink, licenseId, productSlug, productName }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/api/downloads/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ order_link: orderLink, license_id: licenseId, product_slug: productSlug }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok || typeof body.url !== 'string') throw new Error(body.message ?? 'The download could not be started.');
      window.location.assign(body.url);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setTimeout(() => setBusy(false), 1500);
    }
  }

  return (
    <span className="download">
      <button type="button" onClick={download} disabled={busy} aria-label={`Download ${productName}`}>Download</button>
      {error ? <span role="alert" className="form-error">{error}</span> : null}
    </span>
  );
}
