import 'server-only';
import { redirect } from 'next/navigation';
import { isAdmin } from '@/lib/server/admin';

export async function requireAdmin() {
  if (!(await isAdmin())) redirect('/admin');
}
