import type { Metadata } from 'next';
import { db } from '@/lib/server/shop';
import { formatDateTime } from '@/app/_components/dates';
import { AdminShell } from '../admin-shell';

export const metadata: Metadata = { title: 'Accounts · Admin' };

export default function AdminAccountsPage() {
  return <AdminShell><Accounts /></AdminShell>;
}

async function Accounts() {
  const accounts = await db().account.findMany({
    orderBy: { createdAt: 'desc' }, take: 200,
    include: { integration: { select: { name: true } }, _count: { select: { orders: true } } },
  });
  return (
    <>
      <h1>Accounts</h1>
      <p className="hint">Merchant customers, created the first time a secure payload names them. Merchants sign them in with the store id or their own key.</p>
      {accounts.length === 0 ? <p>No accounts yet.</p> : (
        <table className="admin-table">
          <thead><tr><th scope="col">Store id</th><th scope="col">Integration</th><th scope="col">Merchant key</th><th scope="col">Orders</th><th scope="col">Since</th></tr></thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td><code>{a.storeId}</code></td><td>{a.integration.name}</td><td>{a.customKey ?? '—'}</td>
                <td>{a._count.orders}</td><td>{formatDateTime(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
