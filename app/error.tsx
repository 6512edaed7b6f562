'use client';

import { useTranslations } from 'next-intl';

// Nothing about the failure reaches the browser; the details are in the server log.
export default function ErrorPage({ reset }: { reset: () => void }) {
  const t = useTranslations('ErrorPage');
  return (
    <section className="notice">
      <h1>{t('failed')}</h1>
      <p>{t('failedText')}</p>
      <button type="button" onClick={reset}>{t('tryAgain')}</button>
    </section>
  );
}
