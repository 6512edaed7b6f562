import { formatMoney } from '@/lib/money';

interface Totals { subtotalCents: number; shippingCents: number; totalCents: number; currency: string }

export function CartSummary({ cart }: { cart: Totals }) {
  return (
    <dl className="totals">
      <dt>Subtotal</dt><dd>{formatMoney(cart.subtotalCents, cart.currency)}</dd>
      <dt>Shipping</dt><dd>{cart.shippingCents ? formatMoney(cart.shippingCents, cart.currency) : 'Free'}</dd>
      <dt>Total</dt><dd className="total">{formatMoney(cart.totalCents, cart.currency)}</dd>
    </dl>
  );
}
