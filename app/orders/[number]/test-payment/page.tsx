import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { useLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { db, shop } from '@/lib/server/shop';
import { paymentProvider } from '@/lib/server/payments';
import { pairsFromSearchParams, resolveOrderPage } from '@/lib/orders/order-page';
import type { OrderMinimalView } from '@/lib/orders/view';
import { formatMoney } from '@/lib/money';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';
import { getShopSession } from '@/lib/server/session';
import { TestPaymentForm } from '../payment-forms';
import { statusWords } from '@/app/_components/order-status';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Payment'))('testTitle'), robots: { index: false, follow: false } };
}

interface Props {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The test provider's page: stands in for Stripe's hosted page in the demo and the browser flows. */
export default async function TestPaymentPage({ params, searchParams }: Props) {
  if (paymentProvider().name !== 'test') notFound();
  const { number } = await params;
  const query = pairsFromSearchParams(await searchParams);
  const session = await getShopSession();
  const view = await resolveOrderPage(db(), { number, query, sessionOrders: session.orders ?? [], nowSeconds: Math.floor(Date.now() / 1000) }, shop().rings.orders);
  // Only a signed order link opens it: MINIMAL or FULL.
  if (!view || view.tier === 'EXISTS') notFound();
  return <TestPayment view={view} link={new URLSearchParams(query).toString()} />;
}

function TestPayment({ view, link }: { view: Omit<OrderMinimalView, 'tier'>; link: string }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Payment');
  const order = translatorFor(locale, 'Order');
  return (
    <article className="test-payment">
      <h1>{t('testTitle')}</h1>
      <p role="note" className="test-banner" data-testid="test-payment-banner">{t('testBanner')}</p>
      <p>{t('testAmount', { number: view.number, total: formatMoney(view.totalCents, view.currency, moneyLocale(locale)) })}</p>
      {view.payment.payable ? (
        <TestPaymentForm number={view.number} link={link} labels={{ pay: t('pay'), decline: t('decline') }} />
      ) : <p>{order('status')} <strong>{statusWords(order, view)}</strong></p>}
      <p><a href={`/orders/${view.number}?${link}`}>{t('backToOrder')}</a></p>
    </article>
  );
}
