import type { Metadata } from 'next';
import Link from 'next/link';
import { loadPricedCart } from '@/app/_components/priced-cart';
import { CartSummary } from '@/app/_components/cart-summary';
import { CartLineForm } from './cart-line-form';

export const metadata: Metadata = { title: 'Your cart' };

export default async function CartPage() {
  const cart = await loadPricedCart();
  if (cart.lines.length === 0) {
    return (
      <section className="notice">
        <h1>Your cart</h1>
        <p>Your cart is empty.</p>
        <Link href="/">Browse the catalogue</Link>
      </section>
    );
  }
  return (
    <>
      <h1>Your cart</h1>
      <ul className="cart-lines">
        {cart.lines.map((line) => (
          <li key={line.product.slug}>
            <CartLineForm slug={line.product.slug} name={line.product.name} quantity={line.quantity}
              lineTotal={line.lineTotalCents} currency={cart.currency} />
          </li>
        ))}
      </ul>
      <CartSummary cart={cart} />
      <form action="/checkout" method="get">
        <button type="submit" className="primary">Checkout</button>
      </form>
    </>
  );
}
