import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { loadCheckoutDraft } from '@/lib/checkout/draft';
import { checkoutSummary, type CheckoutLineView } from '@/lib/checkout/summary';
import { moneyLocale } from '@/lib/i18n/messages';
import { localeFor } from '@/lib/i18n/locales';
import { publicError } from '@/lib/http/errors';
import { formatMoney } from '@/lib/money';
import { shopperCurrency } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';
import { CartSummary } from '@/app/_components/cart-summary';
import { CheckoutForm } from './checkout-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Checkout'))('title'), robots: { index: false, follow: false } };
}

export default async function CheckoutPage() {
  const session = await getShopSession();
  const now = new Date();
  const draft = session.checkoutDraftId ? await loadCheckoutDraft(db(), session.checkoutDraftId, now) : null;
  const summary = await checkoutSummary(db(), { draft, cart: session.cart ?? [], currency: shopperCurrency(session), language: localeFor(await getLocale()) }, now);
  const t = await getTranslations('Checkout');
  const language = await getLocale();
  const money = (cents: number) => formatMoney(cents, summary.totals.currency, moneyLocale(language));
  const couponError = summary.couponError && publicError(summary.couponError, 'checkout page', language).message;
  const draftGone = session.checkoutDraftId && !draft ? <p role="alert" className="form-error">{t('draftGone')}</p> : null;
  if (summary.lines.length === 0) {
    // Nothing to order: no form to fill in for nothing.
    return (
      <section className="notice">
        <h1>{t('title')}</h1>
        {draftGone}
        <p>{t('empty')} <Link href="/">{t('browse')}</Link></p>
      </section>
    );
  }
  return (
    <>
      <h1>{t('title')}</h1>
      {summary.testMode ? <p className="test-badge" data-testid="test-mode">{t('testMode')}</p> : null}
      {draftGone}
      <section aria-labelledby="summary-heading" className="summary">
        <h2 id="summary-heading">{t('summary')}</h2>
        <p data-testid="checkout-currency">{t('currency', { currency: summary.totals.currency })}</p>
        <SummaryLines lines={summary.lines} money={money} />
        <CartSummary cart={{ ...summary.totals, couponCode: summary.couponCode }} nothingPosted={!summary.delivery} />
      </section>
      <CheckoutForm delivery={summary.delivery} locked={summary.locked} recipient={summary.recipient} couponCode={summary.couponCode}
        couponLocked={summary.couponLocked} couponError={couponError} defaultCountry={session.country} currency={summary.totals.currency}
        quantities={summary.fromMerchant ? summary.lines.filter((l) => l.behavior === 'allow').map(({ slug, name, quantity }) => ({ slug, name, quantity })) : []} />
    </>
  );
}

async function SummaryLines({ lines, money }: { lines: CheckoutLineView[]; money: (cents: number) => string }) {
  const t = await getTranslations('Order');
  return (
    <table className="items">
      <thead><tr><th scope="col">{t('item')}</th><th scope="col">{t('price')}</th><th scope="col">{t('quantity')}</th><th scope="col">{t('lineTotal')}</th></tr></thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.slug} data-testid={`line-${line.slug}`}>
            <td>{line.name}</td><td>{money(line.unitPriceCents)}</td>
            {/* A merchant may hide the quantity of a line it fixed. */}
            <td>{line.behavior === 'hide' ? '' : line.quantity}</td><td>{money(line.lineTotalCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
