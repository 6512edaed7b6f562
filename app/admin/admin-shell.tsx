import Link from 'next/link';
import { isAdmin } from '@/lib/server/admin';
import { logoutAction } from './actions';
import { LoginForm } from './admin-forms';

/** Renders the login form instead of `children` until the admin has logged in. */
export async function AdminShell({ children }: { children: React.ReactNode }) {
  if (!(await isAdmin())) {
    return (
      <section className="admin">
        <h1>Admin</h1>
        <LoginForm />
      </section>
    );
  }
  return (
    <section className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <Link href="/admin">Orders</Link>
        <Link href="/admin/products">Products</Link>
        <Link href="/admin/coupons">Coupons</Link>
        <Link href="/admin/accounts">Accounts</Link>

        <Link href="/admin/articles">Articles</Link>
        <Link href="/admin/payments">Payments</Link>
        <Link href="/admin/outbox">Outbox</Link>
        <Link href="/admin/integrations">Integrations</Link>
        <Link href="/admin/keys">Store keys</Link>
        <form action={logoutAction}><button type="submit">Log out</button></form>
      </nav>
      {children}
    </section>
  );
}
