import type { Metadata } from 'next';
import Link from 'next/link';
import { loadPricedCart } from '@/app/_components/priced-cart';
import { CartSummary } from '@/app/_components/cart-summary';
import { formatMoney } from '@/lib/money';
import { needsDelivery } from '@/lib/cart/cart';
import { CheckoutForm } from './checkout-form';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  const cart = await loadPricedCart();
  return (
    <>
      <h1>Checkout</h1>
      {cart.lines.length === 0 ? (
        <p className="notice">Your cart is empty. <Link href="/">Browse the catalogue</Link></p>
      ) : (
        <section aria-label="Order summary" className="summary">
          <ul>
            {cart.lines.map((line) => (
              <li key={line.product.slug}>{line.quantity} × {line.product.name} — {formatMoney(line.lineTotalCents, cart.currency)}</li>
            ))}
          </ul>
          <CartSummary cart={cart} />
        </section>
      )}
      {/* an empty cart keeps the usual form: placing the order is refused anyway */}
      <CheckoutForm delivery={cart.lines.length === 0 || needsDelivery(cart.lines)} />
    </>
  );
}
