import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { pairsFromSearchParams } from '@/lib/orders/order-page';
import { isOrderNumber, linkStateOf } from '@/lib/order-access/tier';
import { claimPath } from '@/lib/order-claims/claims';
import { shop } from '@/lib/server/shop';
import { FreshLinkOffer } from '@/app/fresh-link/fresh-link-offer';
import { ClaimOrderForm } from '../claim-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translatorFor(await getLocale(), 'Claim')('title'), robots: { index: false, follow: false } };
}

interface Props {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const { number } = await params;
  if (!isOrderNumber(number)) notFound();
  const query = pairsFromSearchParams(await searchParams);
  const link = new URLSearchParams(query).toString();
  const locale = await getLocale();
  const t = translatorFor(locale, 'Claim');
  if (linkStateOf(claimPath(number), query, shop().rings.claims, Math.floor(Date.now() / 1000)) === 'expired') {
    // A genuine link past its 15 minutes: a fresh one goes to the order's address, never onto this page.
    return (
      <section className="notice">
        <h1>{t('open', { number })}</h1>
        <FreshLinkOffer kind="claim" link={`${claimPath(number)}?${link}`} locale={locale} />
      </section>
    );
  }
  return (
    <section className="notice">
      <h1>{t('open', { number })}</h1>
      <p>{t('explain')}</p>
      <ClaimOrderForm number={number} link={link} label={t('open', { number })} />
    </section>
  );
}
