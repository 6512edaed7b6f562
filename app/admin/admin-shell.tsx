import Link from 'next/link';
import { isAdmin } from '@/lib/server/admin';
import { logoutAction } from './actions';
import { LoginForm } from './admin-forms';
import { adminWords, wordsFor } from './admin-words';

/** Renders the login form instead of `children` until the admin has logged in. */
export async function AdminShell({ children }: { children: React.ReactNode }) {
  const { t } = await adminWords();
  if (!(await isAdmin())) {
    return (
      <section className="admin">
        <h1>{t('heading')}</h1>
        <LoginForm words={wordsFor(t, ['loginPassword', 'logIn'])} />
      </section>
    );
  }
  return (
    <section className="admin">
      <nav aria-label={t('navLabel')} className="admin-nav">
        <Link href="/admin">{t('navOrders')}</Link>
        <Link href="/admin/products">{t('navProducts')}</Link>
        <Link href="/admin/coupons">{t('navCoupons')}</Link>
        <Link href="/admin/accounts">{t('navAccounts')}</Link>
        <Link href="/admin/articles">{t('navArticles')}</Link>
        <Link href="/admin/payments">{t('navPayments')}</Link>
        <Link href="/admin/outbox">{t('navOutbox')}</Link>
        <Link href="/admin/integrations">{t('navIntegrations')}</Link>
        <Link href="/admin/webhooks">{t('navWebhooks')}</Link>
        <Link href="/admin/keys">{t('navKeys')}</Link>
        <form action={logoutAction}><button type="submit">{t('logOut')}</button></form>
      </nav>
      {children}
    </section>
  );
}
