import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pairsFromSearchParams } from '@/lib/orders/order-page';
import { isOrderNumber } from '@/lib/order-access/tier';
import { ClaimOrderForm } from '../claim-form';

export const metadata: Metadata = { title: 'Open your order', robots: { index: false, follow: false } };

interface Props {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const { number } = await params;
  if (!isOrderNumber(number)) notFound();
  const link = new URLSearchParams(pairsFromSearchParams(await searchParams)).toString();
  return (
    <section className="notice">
      <h1>Open order #{number} in this browser</h1>
      <p>This adds the order to this browser, so it shows your details and downloads here.</p>
      <ClaimOrderForm number={number} link={link} />
    </section>
  );
}
