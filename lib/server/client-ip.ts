// Next.js adapter: who sent the current request (server actions and pages).
import 'server-only';
import { headers } from 'next/headers';
import { clientAddressOf } from '../http/client-address';
import { shop } from './shop';

export async function requestClientIp(): Promise<string> {
  return clientAddressOf(await headers(), shop().settings.trustProxy);
}
