import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { pairsFromSearchParams } from '@/lib/orders/order-page';
import { linkStateOf } from '@/lib/order-access/tier';
import { SIGN_IN_PATH } from '@/lib/order-finder/sign-in';
import { shop } from '@/lib/server/shop';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translatorFor(await getLocale(), 'Finder')('signInTitle'), robots: { index: false, follow: false } };
}

interface Props { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The page the mailed link opens: a button, so a mail scanner fetching the link spends nothing. */
export default async function SignInPage({ searchParams }: Props) {
  const query = pairsFromSearchParams(await searchParams);
  const t = translatorFor(await getLocale(), 'Finder');
  const state = linkStateOf(SIGN_IN_PATH, query, shop().rings.finder, Math.floor(Date.now() / 1000));
  if (state !== 'valid') {
    return (
      <section className="notice">
        <h1>{t('signInTitle')}</h1>
        <p role="alert">{state === 'expired' ? t('signInExpired') : t('signInInvalid')}</p>
        <p><Link href="/my-orders">{t('askAgain')}</Link></p>
      </section>
    );
  }
  return (
    <section className="notice">
      <h1>{t('signInTitle')}</h1>
      <p>{t('signInExplain')}</p>
      <form method="post" action="/my-orders/open">
        <input type="hidden" name="link" value={new URLSearchParams(query).toString()} />
        <button type="submit">{t('signInButton')}</button>
      </form>
    </section>
  );
}
