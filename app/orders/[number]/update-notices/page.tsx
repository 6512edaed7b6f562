// The one-click opt-out of an update notice: GET shows one button (a mail scanner that follows
// the link changes nothing), its POST turns the notices of this order off. Shows only the order
// number, never anything personal.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { pairsFromSearchParams } from '@/lib/orders/order-page';
import { isOrderNumber } from '@/lib/order-access/tier';
import { hasCorrectSignature } from '@/lib/signing';
import { optOutPath } from '@/lib/versions/notices';
import { db } from '@/lib/server/shop';
import { optOutRing } from '@/lib/server/versions';
import { optOutAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translatorFor(await getLocale(), 'Versions')('optOutTitle'), robots: { index: false, follow: false } };
}

interface Props {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function UpdateNoticesPage({ params, searchParams }: Props) {
  const { number } = await params;
  if (!isOrderNumber(number)) notFound();
  const query = pairsFromSearchParams(await searchParams);
  const t = translatorFor(await getLocale(), 'Versions');
  const order = hasCorrectSignature(optOutPath(number), query, optOutRing())
    ? await db().order.findUnique({ where: { number }, select: { updateNoticesOff: true } }) : null;
  return (
    <section className="notice">
      <h1>{t('optOutTitle')}</h1>
      {!order ? <p role="alert">{t('optOutInvalid')}</p>
        : order.updateNoticesOff ? <p role="status">{t('optOutDone', { number })}</p> : (
          <form action={optOutAction}>
            <p>{t('optOutQuestion', { number })}</p>
            <input type="hidden" name="number" value={number} />
            <input type="hidden" name="link" value={new URLSearchParams(query).toString()} />
            <button type="submit">{t('optOutButton')}</button>
          </form>
        )}
    </section>
  );
}
