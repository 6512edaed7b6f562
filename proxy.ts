// Runs before pages and server actions (Next 16's "proxy", formerly middleware).
import { databaseGate } from '@/lib/db/gate';

export async function proxy() {
  return (await databaseGate()) ?? undefined;
}

export const config = {
  // API routes answer their own errors (503 included); static files need no database.
  matcher: ['/((?!api/|_next/static|_next/image|favicon\\.ico|images/).*)'],
};
