import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';

export async function generateMetadata() {
  return { title: translatorFor(await getLocale(), 'ErrorPage')('notFound') };
}

export default async function NotFound() {
  const t = translatorFor(await getLocale(), 'ErrorPage');
  return (
    <section className="notice">
      <h1>{t('notFound')}</h1>
      <p>{t('notFoundText')}</p>
      <Link href="/">{t('toCatalogue')}</Link>
    </section>
  );
}
