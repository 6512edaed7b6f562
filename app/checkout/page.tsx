import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { loadCheckoutDraft } from '@/lib/checkout/draft';
import { checkoutSummary } from '@/lib/checkout/summary';
import { moneyLocale } from '@/lib/i18n/messages';
import { publicError } from '@/lib/http/errors';
import { formatMoney } from '@/lib/money';
import { shopperCurrency } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';
import { CartSummary } from '@/app/_components/cart-summary';
import { CheckoutForm } from './checkout-form';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false, follow: false } };

export default async function CheckoutPage() {
  const session = await getShopSession();
  const now = new Date();
  const draft = session.checkoutDraftId ? await loadCheckoutDraft(db(), session.checkoutDraftId, now) : null;
  const summary = await checkoutSummary(db(), { draft, cart: session.cart ?? [], currency: shopperCurrency(session) }, now);
  const t = await getTranslations('Checkout');
  const language = await getLocale();
  const locale = moneyLocale(language);
  const money = (cents: number) => formatMoney(cents, summary.totals.currency, locale);
  const couponError = summary.couponError && publicError(summary.couponError, 'checkout page', language).message;
  return (
    <>
      <h1>{t('title')}</h1>
      {summary.testMode ? <p className="test-badge" data-testid="test-mode">{t('testMode')}</p> : null}
      {session.checkoutDraftId && !draft ? <p role="alert" className="form-error">{t('draftGone')}</p> : null}
      {summary.lines.length === 0 ? (
        <p className="notice">{t('empty')} <Link href="/">{t('browse')}</Link></p>
      ) : (
        <section aria-label={t('summary')} className="summary">
          <p data-testid="checkout-currency">{t('currency', { currency: summary.totals.currency })}</p>
          <ul>
            {summary.lines.map((line) => (
              <li key={line.slug} data-testid={`line-${line.slug}`}>
                {line.behavior === 'hide' ? '' : `${line.quantity} × `}{line.name} — {money(line.lineTotalCents)}
              </li>
            ))}
          </ul>
          <CartSummary cart={{ ...summary.totals, couponCode: summary.couponCode }} />
        </section>
      )}
      <CheckoutForm delivery={summary.delivery} locked={summary.locked} recipient={summary.recipient} couponCode={summary.couponCode}
        couponLocked={summary.couponLocked} couponError={couponError} defaultCountry={session.country}
        quantities={summary.fromMerchant ? summary.lines.filter((l) => l.behavior === 'allow').map(({ slug, name, quantity }) => ({ slug, name, quantity })) : []} />
    </>
  );
}
