// Pages and server actions cannot choose their status when a query fails (a thrown
// render error is a 500), so the proxy asks first: while the database is down,
// they answer 503 before rendering. API routes map the error themselves (lib/http/errors.ts).
import { unavailablePage } from '../http/errors';
import { databaseReachable } from './shop';

export async function databaseGate(locale: string): Promise<Response | null> {
  return (await databaseReachable()) ? null : unavailablePage(locale);
}
