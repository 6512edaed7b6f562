'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';

interface Props { orderLink: string; licenseId: number; productSlug: string; productName: string }

/** Each click asks for a fresh short-lived token, then lets the browser download. */
export function DownloadButton({ orderLink, licenseId, productSlug, productName }: Props) {
  const t = useTranslations('Order');
  const errors = useTranslations('Errors');
  const locale = useLocale();
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
        body: JSON.stringify({ order_link: orderLink, license_id: licenseId, product_slug: productSlug }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok && typeof body.url === 'string') window.location.assign(body.url);
      // The refusal's words come from the server, already in this page's language.
      else setError(typeof body.message === 'string' ? body.message : errors('INTERNAL'));
    } catch {
      setError(errors('INTERNAL'));
    } finally {
      setTimeout(() => setBusy(false), 1500);
    }
  }

  return (
    <span className="download">
      <button type="button" onClick={download} aria-disabled={busy} aria-label={t('downloadNamed', { name: productName })}>{t('download')}</button>
      {error ? <span role="alert" className="form-error">{error}</span> : null}
    </span>
  );
}
