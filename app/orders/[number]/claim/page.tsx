import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { pairsFromSearchParams } from '@/lib/orders/order-page';
import { isOrderNumber } from '@/lib/order-access/tier';
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
  const link = new URLSearchParams(pairsFromSearchParams(await searchParams)).toString();
  const t = translatorFor(await getLocale(), 'Claim');
  return (
    <section className="notice">
      <h1>{t('open', { number })}</h1>
      <p>{t('explain')}</p>
      <ClaimOrderForm number={number} link={link} label={t('open', { number })} />
    </section>
  );
}
