import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translatorFor(await getLocale(), 'FreshLink')('sentTitle'), robots: { index: false, follow: false } };
}

/** After "email me a fresh link": the link went to the order's address, so this page says only that. */
export default async function FreshLinkSentPage() {
  const locale = await getLocale();
  const t = translatorFor(locale, 'FreshLink');
  return (
    <section className="notice">
      <h1>{t('sentTitle')}</h1>
      <p role="status">{t('sent')}</p>
      <p><Link href="/my-orders">{translatorFor(locale, 'Layout')('findOrders')}</Link></p>
    </section>
  );
}
