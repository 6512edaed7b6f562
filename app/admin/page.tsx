import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { formatMoney } from '@/lib/money';
import { listOrders } from '@/lib/orders/admin-queries';
import { formatDateTime } from '@/app/_components/dates';
import { AdminShell } from './admin-shell';

export const metadata: Metadata = { title: 'Orders · Admin' };

export default function AdminPage() {
  return <AdminShell><OrderList /></AdminShell>;
}

async function OrderList() {
  const orders = await listOrders(db());
  return (
    <>
      <h1>Orders</h1>
      {orders.length === 0 ? <p>No orders yet.</p> : (
        <table className="admin-table">
          <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Customer</th><th scope="col">Total</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.number}>
                <td><Link href={`/admin/orders/${order.number}`}>#{order.number}</Link>{order.testMode ? ' TEST' : ''}</td>
                <td>{formatDateTime(order.placedAt)}</td>
                <td>{order.fullName}</td>
                <td>{formatMoney(order.totalCents, order.currency)}</td>
                <td>{order.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
