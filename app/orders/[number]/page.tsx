import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { pairsFromSearchParams, resolveOrderPage } from '@/lib/orders/order-page';
import { asksForThanks } from '@/lib/orders/first-view';
import { getShopSession } from '@/lib/server/session';
import { OrderExists, OrderDetails } from './order-views';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Order'))('pageTitle'), robots: { index: false, follow: false } };
}

interface Props {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function OrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const query = pairsFromSearchParams(await searchParams);
  const session = await getShopSession();
  const view = await resolveOrderPage(db(), {
    number, query, sessionOrders: session.orders ?? [], nowSeconds: Math.floor(Date.now() / 1000),
  }, shop().rings.orders);
  if (!view) notFound();
  if (view.tier === 'EXISTS') return <OrderExists view={view} />;
  const linkQuery = new URLSearchParams(query).toString();
  return <OrderDetails view={view} linkQuery={linkQuery} thanks={asksForThanks(query)} />;
}
