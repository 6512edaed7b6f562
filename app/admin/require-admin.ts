import 'server-only';
import { redirect } from 'next/navigation';
import { getShopSession } from '@/lib/session/next';

export async function requireAdmin() {
  const session = await getShopSession();
  if (!session.admin) redirect('/admin');
}
