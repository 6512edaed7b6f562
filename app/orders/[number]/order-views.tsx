import { useLocale } from 'next-intl';
import { formatMoney } from '@/lib/money';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';
import { countryName } from '@/lib/catalog/countries';
import { ORDER_LIFE } from '@/lib/order-states/states';
import { isShipped, type OrderExistsView, type OrderFullView, type OrderMinimalView } from '@/lib/orders/view';
import { CartSummary } from '@/app/_components/cart-summary';
import { formatDate, formatDateTime } from '@/app/_components/dates';
import { statusWords } from '@/app/_components/order-status';
import { AddressCorrectionForm } from './address-correction-form';
import { MyDownloads } from './my-downloads';
import { MyReading } from './my-reading';
import { MyLicenses } from './my-licenses';
import { RequestClaimForm } from './claim-form';
import { PayNowForm } from './payment-forms';
import { addressFormWords, requestClaimWords } from './words';

export function OrderExists({ view }: { view: OrderExistsView }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Order');
  return (
    <section className="notice">
      <h1>{t('exists', { number: view.number, date: formatDate(view.placedAt, locale) })}</h1>
      {view.linkExpired ? <p role="note" className="expired">{t('expired')}</p> : null}
      <p>{t('openFromEmail')}</p>
    </section>
  );
}

/** `thanks`: the signed link carried the first-view marker (lib/orders/first-view.ts); only FULL honours it. */
export function OrderDetails({ view, linkQuery, thanks = false }: { view: OrderMinimalView | OrderFullView; linkQuery: string; thanks?: boolean }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Order');
  const money = (cents: number) => formatMoney(cents, view.currency, moneyLocale(locale));
  return (
    <article className="order">
      <h1>{t('title', { number: view.number })}{view.testMode ? <> <span className="test-badge" data-testid="test-order">{t('testOrder')}</span></> : null}</h1>
      {view.tier === 'FULL' && thanks ? <Thanks view={view} /> : null}
      {view.tier === 'FULL' && view.downloads.length > 0 ? <p><a href="#downloads">{t('myDownloads')}</a></p> : null}
      <p>{t('placedOn')} <time dateTime={view.placedAt.toISOString()}>{formatDateTime(view.placedAt, locale)}</time></p>
      <p>{t('status')} <strong data-testid="order-status">{statusWords(t, view)}</strong></p>
      {view.payment.payable ? <AwaitingPayment view={view} linkQuery={linkQuery} /> : null}
      <table className="items">
        <thead><tr><th scope="col">{t('item')}</th><th scope="col">{t('quantity')}</th><th scope="col">{t('price')}</th><th scope="col">{t('lineTotal')}</th></tr></thead>
        <tbody>
          {view.items.map((item, index) => (
            <tr key={index}>
              <td>{item.name}{item.takenBack ? <> <span className="taken-back">({t('lineRefunded')})</span></> : null}</td><td>{item.quantity}</td>
              <td>{money(item.unitPriceCents)}</td><td>{money(item.lineTotalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CartSummary cart={view} nothingPosted={!isShipped(view)} />
      {view.tier === 'FULL' ? <PaymentDetails view={view} /> : null}
      {view.tier === 'FULL' && view.sections.includes('downloads') && view.downloads.length > 0 ? <MyDownloads view={view} linkQuery={linkQuery} now={new Date()} /> : null}
      {view.tier === 'FULL' && view.sections.includes('downloads') ? <MyLicenses number={view.number} linkQuery={linkQuery} /> : null}
      {view.tier === 'FULL' && view.sections.includes('reading') && view.paidAt ? <MyReading number={view.number} /> : null}
      {view.tier === 'FULL' ? <CustomerDetails view={view} linkQuery={linkQuery} /> : (
        <>
          <p className="hint">{isShipped(view) ? t('hiddenDetails') : t('hiddenContact')}</p>
          <RequestClaimForm number={view.number} words={requestClaimWords(locale)} />
        </>
      )}
    </article>
  );
}

/** The first view of a new order: thanks, and where the email went (the confirmation once paid, the instructions for a transfer). */
function Thanks({ view }: { view: OrderFullView }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Order');
  const { payment } = view;
  const next = ORDER_LIFE[view.status].paid ? t('thanksPaid', { email: view.email })
    : payment.payable && payment.byTransfer ? t('thanksTransfer', { email: view.email })
      : payment.payable && !payment.declined ? t('thanksAwaiting', { email: view.email }) : null;
  if (!next) return null;
  return (
    <section className="notice thanks" aria-labelledby="thanks-heading" data-testid="thanks">
      <h2 id="thanks-heading">{t('thanksTitle')}</h2>
      <p>{next}</p>
    </section>
  );
}

function AwaitingPayment({ view, linkQuery }: { view: OrderMinimalView | OrderFullView; linkQuery: string }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Order');
  const { payment } = view;
  const total = formatMoney(view.totalCents, view.currency, moneyLocale(locale));
  return (
    <section className="notice awaiting-payment" aria-label={t('status_awaiting_payment')}>
      {payment.declined ? <p role="alert" className="form-error">{t('paymentDeclined')}</p> : null}
      <p>{payment.byTransfer ? t('byTransfer', { total, number: view.number })
        : view.sections.every((section) => section === 'delivery') ? t('awaitingPaymentShipped') : t('awaitingPayment')}</p>
      {payment.payBy ? <p>{t('payBy', { date: formatDateTime(payment.payBy, locale) })}</p> : null}
      {payment.byTransfer ? null : <PayNowForm number={view.number} link={linkQuery} label={t('payNow')} />}
    </section>
  );
}

/** FULL only: when it was paid, and every refund with its date. */
function PaymentDetails({ view }: { view: OrderFullView }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Order');
  const money = (cents: number) => formatMoney(cents, view.currency, moneyLocale(locale));
  if (!view.paidAt && view.refunds.length === 0) return null;
  return (
    <section aria-labelledby="payment-heading" className="payment">
      {view.paidAt ? <p>{t('paidOn', { date: formatDateTime(view.paidAt, locale) })}</p> : null}
      {view.refunds.length > 0 ? (
        <>
          <h2 id="payment-heading">{t('refundsHeading')}</h2>
          <ul data-testid="refunds">
            {view.refunds.map((refund, index) => <li key={index}>{t('refundLine', { amount: money(refund.amountCents), date: formatDateTime(refund.at, locale) })}</li>)}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function CustomerDetails({ view, linkQuery }: { view: OrderFullView; linkQuery: string }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Order');
  const { address, recipient } = view;
  return (
    <section aria-labelledby="customer-heading" className="customer">
      <h2 id="customer-heading">{isShipped(view) ? t('contactAndDelivery') : t('contactOnly')}</h2>
      <dl>
        <dt>{t('email')}</dt><dd>{view.email}</dd>
        <dt>{t('name')}</dt><dd>{view.fullName}</dd>
        {view.company ? <><dt>{t('company')}</dt><dd>{view.company}</dd></> : null}
        {view.phone ? <><dt>{t('phone')}</dt><dd>{view.phone}</dd></> : null}
        {recipient ? <>
          <dt>{t('recipient')}</dt><dd data-testid="recipient-name">{recipient.name}</dd>
          <dt>{t('recipientEmail')}</dt><dd>{recipient.email}</dd>
          {recipient.message ? <><dt>{t('giftMessage')}</dt><dd>{recipient.message}</dd></> : null}
        </> : null}
        {address.addressLine1 ? <>
          <dt>{t('deliveryAddress')}</dt>
          <dd>
            <address>
              {address.addressLine1}<br />
              {address.addressLine2 ? <>{address.addressLine2}<br /></> : null}
              {address.postalCode} {address.city}<br />
              {countryName(address.country, locale)}
            </address>
          </dd>
        </> : null}
      </dl>
      {view.canCorrectAddress ? (
        <AddressCorrectionForm number={view.number} linkQuery={linkQuery} address={address} words={addressFormWords(locale)} />
      ) : !address.addressLine1 ? null : (
        <p>{t('dispatchedOn', { date: view.dispatchedAt ? formatDateTime(view.dispatchedAt, locale) : '—' })}</p>
      )}
    </section>
  );
}
