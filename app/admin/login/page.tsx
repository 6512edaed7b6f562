import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { adminReturnPath } from '@/lib/admin/return-path';
import { isAdmin } from '@/lib/server/admin';
import { LoginForm } from '../admin-forms';
import { adminWords, wordsFor } from '../admin-words';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await adminWords();
  return { title: t('loginTitle'), robots: { index: false, follow: false } };
}

interface Props { searchParams: Promise<{ next?: string | string[] }> }

/** Where logged-out admin pages send the admin (303 from proxy.ts); back to `next` after login. */
export default async function AdminLoginPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const returnTo = adminReturnPath(Array.isArray(next) ? next[0] : next);
  if (await isAdmin()) redirect(returnTo);
  const { t } = await adminWords();
  return (
    <section className="admin">
      <h1>{t('heading')}</h1>
      <LoginForm returnTo={returnTo} words={wordsFor(t, ['loginPassword', 'logIn'])} />
    </section>
  );
}
