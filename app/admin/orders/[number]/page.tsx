import { notFound } from 'next/navigation';
import { db } from '@/lib/server/shop';
import { orderForAdmin } from '@/lib/orders/admin-queries';
import { countryNameIn } from '@/lib/i18n/intl';
import { AdminShell } from '../../admin-shell';
import { MarkDispatchedForm } from '../../admin-forms';
import { adminTitle, adminWords } from '../../admin-words';
import { ConfirmStep } from '../../confirm-step';
import { canMove } from '@/lib/order-states/states';
import { OrderLicenses } from './licenses';
import { AdminPayment } from './payment';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ confirm?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, 'params'>) {
  const { number } = await params;
  return adminTitle((t) => t('orderTitle', { number }));
}

export default async function AdminOrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const { confirm } = await searchParams;
  return <AdminShell><AdminOrder number={number} confirming={typeof confirm === 'string' ? confirm : null} /></AdminShell>;
}

interface Address { addressLine1: string; addressLine2?: string; postalCode: string; city: string; country: string }

const addressLine = (a: Address, locale: string) =>
  [a.addressLine1, a.addressLine2, `${a.postalCode} ${a.city}`, countryNameIn(a.country, locale)].filter(Boolean).join(', ');

async function AdminOrder({ number, confirming }: { number: string; confirming: string | null }) {
  const order = await orderForAdmin(db(), number);
  if (!order) notFound();
  const { t, locale, dateTime, money, languageName } = await adminWords();
  const amount = (cents: number) => money(cents, order.currency);
  return (
    <article>
      <h1>{t('orderHeading', { number: order.number })}{order.testMode ? <> <span className="test-badge" data-testid="admin-test-order">{t('testBadge')}</span></> : null}</h1>
      <p>{t.rich('orderPlaced', { date: dateTime(order.placedAt), code: order.status, status: (chunks) => <strong data-testid="admin-order-status">{chunks}</strong> })}
        {order.dispatchedAt ? ` ${t('orderStatusSince', { date: dateTime(order.dispatchedAt) })}` : ''}</p>
      <p>{order.fullName} &lt;{order.email}&gt;{order.company ? `, ${order.company}` : ''}{order.phone ? `, ${order.phone}` : ''}</p>
      {order.recipientName ? (
        <p>{t('giftFor', { name: order.recipientName })} &lt;{order.recipientEmail}&gt;{order.giftMessage ? `: “${order.giftMessage}”` : ''}</p>
      ) : null}
      {order.integration ? (
        <p>{t('orderFrom', { name: order.integration.name })}{order.account ? <> · {t('orderAccount')} <code>{order.account.storeId}</code></> : null}
          {' · '}{t('orderLanguage', { language: languageName(order.language) })}</p>
      ) : null}
      {order.addressLine1 ? <p>{t('deliverTo', { address: addressLine(order, locale) })}</p> : <p>{t('nothingToPost')}</p>}
      <ul>
        {order.items.map((item) => (
          <li key={item.id}>{item.quantity} × {item.productName} — {amount(item.lineTotalCents)}
            {item.takenBackAt ? <strong> · {t('takenBack', { date: dateTime(item.takenBackAt) })}</strong> : null}</li>
        ))}
      </ul>
      {order.discountCents ? <p>{t('couponLine', { code: order.couponCode ?? '', amount: amount(order.discountCents) })}</p> : null}
      <p>{t('totalLine', { amount: amount(order.totalCents) })}</p>
      <AdminPayment order={order} confirming={confirming} />
      {canMove(order.status, 'dispatched') && !order.dispatchedAt && order.addressLine1 ? (
        <ConfirmStep path={`/admin/orders/${order.number}`} id="dispatch" confirming={confirming === 'dispatch'} label={t('markDispatched')}
          consequence={t('dispatchConsequence', { number: order.number, who: order.recipientEmail ? 'recipient' : 'buyer' })}>
          <MarkDispatchedForm number={order.number} label={t('dispatchYes')} />
        </ConfirmStep>
      ) : null}
      <OrderLicenses orderId={order.id} />
      {order.addressChanges.length > 0 ? (
        <section>
          <h2>{t('addressChanges')}</h2>
          <ol>
            {order.addressChanges.map((change) => (
              <li key={change.id}>{t('addressChange', {
                date: dateTime(change.changedAt),
                from: addressLine(JSON.parse(change.previous) as Address, locale),
                to: addressLine(JSON.parse(change.current) as Address, locale),
              })}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
