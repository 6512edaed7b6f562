import { formatMoney } from '@/lib/money';
import { countryName } from '@/lib/orders/countries';
import type { OrderExistsView, OrderFullView, OrderMinimalView } from '@/lib/orders/view';
import { CartSummary } from '@/app/_components/cart-summary';
import { formatDate, formatDateTime } from '@/app/_components/dates';
import { AddressCorrectionForm } from './address-correction-form';
import { DownloadButton } from './download-button';
import { RequestClaimForm } from './claim-form';

const STATUS_LABEL: Record<string, string> = { placed: 'Placed — being prepared', dispatched: 'Dispatched' };

export function OrderExists({ view }: { view: OrderExistsView }) {
  return (
    <section className="notice">
      <h1>Order #{view.number} exists, placed on {formatDate(view.placedAt)}</h1>
      {view.linkExpired ? <p role="note" className="expired">This link has expired. Use the link from your confirmation email to see your order.</p> : null}
      <p>To see the order, open the link from your confirmation email.</p>
    </section>
  );
}

export function OrderDetails({ view, linkQuery }: { view: OrderMinimalView | OrderFullView; linkQuery: string }) {
  return (
    <article className="order">
      <h1>Order #{view.number}</h1>
      {view.tier === 'FULL' && view.downloads.length > 0 ? <p><a href="#downloads">My downloads</a></p> : null}
      <p>Placed on <time dateTime={view.placedAt.toISOString()}>{formatDateTime(view.placedAt)}</time></p>
      <p>Status: <strong data-testid="order-status">{STATUS_LABEL[view.status] ?? view.status}</strong></p>
      <table className="items">
        <thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col">Price</th><th scope="col">Total</th></tr></thead>
        <tbody>
          {view.items.map((item, index) => (
            <tr key={index}>
              <td>{item.name}</td><td>{item.quantity}</td>
              <td>{formatMoney(item.unitPriceCents, view.currency)}</td><td>{formatMoney(item.lineTotalCents, view.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CartSummary cart={view} />
      {view.tier === 'FULL' && view.downloads.length > 0 ? <MyDownloads view={view} linkQuery={linkQuery} /> : null}
      {view.tier === 'FULL' ? <CustomerDetails view={view} linkQuery={linkQuery} /> : (
        <>
          <p className="hint">Contact and delivery details are shown only in the browser the order was placed in.</p>
          <RequestClaimForm number={view.number} />
        </>
      )}
    </article>
  );
}

function CustomerDetails({ view, linkQuery }: { view: OrderFullView; linkQuery: string }) {
  const { address } = view;
  return (
    <section aria-labelledby="customer-heading" className="customer">
      <h2 id="customer-heading">Contact and delivery</h2>
      <dl>
        <dt>Email</dt><dd>{view.email}</dd>
        <dt>Name</dt><dd>{view.fullName}</dd>
        <dt>Delivery address</dt>
        <dd>
          <address>
            {address.addressLine1}<br />
            {address.addressLine2 ? <>{address.addressLine2}<br /></> : null}
            {address.postalCode} {address.city}<br />
            {countryName(address.country)}
          </address>
        </dd>
      </dl>
      {view.canCorrectAddress ? (
        <AddressCorrectionForm number={view.number} linkQuery={linkQuery} address={address} />
      ) : (
        <p>Dispatched on {view.dispatchedAt ? formatDateTime(view.dispatchedAt) : 'a recent date'}; the address can no longer be changed.</p>
      )}
    </section>
  );
}

function MyDownloads({ view, linkQuery }: { view: OrderFullView; linkQuery: string }) {
  const orderLink = `/orders/${view.number}?${linkQuery}`;
  return (
    <section id="downloads" aria-labelledby="downloads-heading" className="downloads">
      <h2 id="downloads-heading">My downloads</h2>
      <ul>
        {view.downloads.map((d) => (
          <li key={d.licenseId}>
            <span className="name">{d.productName}</span>
            <span className="meta">
              {d.status === 'revoked' ? 'Revoked' : d.downloadsLeft === null ? 'Unlimited downloads' : `${d.downloadsLeft} download${d.downloadsLeft === 1 ? '' : 's'} left`}
              {d.expiresAt ? ` · until ${formatDate(d.expiresAt)}` : ''}
            </span>
            {d.status === 'active' && d.available ? (
              <DownloadButton orderLink={orderLink} licenseId={d.licenseId} productSlug={d.productSlug} productName={d.productName} />
            ) : d.available ? null : <span className="meta">File coming soon</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
