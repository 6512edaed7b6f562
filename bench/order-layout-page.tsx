// The order page's baseline for `npm run bench`: the same layout (session read,
// header, footer) rendering constant markup of an order's size, on demand like
// the order page. Never shipped: bench/order-page.ts copies it to
// app/bench/order-layout/page.tsx in a throw-away copy of the shop it builds.
import { connection } from 'next/server';

const ITEMS = [['Fairy-tale Castle Pop-up Card', 1, '€16.00'], ['Printable Pop-up Templates (PDF)', 1, '€9.00']] as const;

export default async function ConstantOrderPage() {
  await connection();
  return (
    <article className="order">
      <h1>Order #12345678</h1>
      <p>Placed on <time dateTime="2026-11-24T10:00:00.000Z">24 November 2026, 10:00</time></p>
      <p>Status: <strong>Placed — being prepared</strong></p>
      <table className="items">
        <thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col">Price</th><th scope="col">Total</th></tr></thead>
        <tbody>{ITEMS.map(([name, quantity, price]) => <tr key={name}><td>{name}</td><td>{quantity}</td><td>{price}</td><td>{price}</td></tr>)}</tbody>
      </table>
      <dl className="summary"><dt>Subtotal</dt><dd>€25.00</dd><dt>Shipping</dt><dd>€4.50</dd><dt>Total</dt><dd>€29.50</dd></dl>
      <section className="customer">
        <h2>Contact and delivery</h2>
        <dl><dt>Email</dt><dd>grace@example.com</dd><dt>Name</dt><dd>Grace Hopper</dd><dt>Delivery address</dt><dd>1 Harbour Lane, Portsmouth PO1 1AB, United Kingdom</dd></dl>
      </section>
    </article>
  );
}
