// Next.js adapter: who sent the current request (server actions and pages).
import 'server-only';
import { headers } from 'next/headers';
import { config } from '../config';
import { clientAddressOf } from './client-address';

export async function requestClientIp(): Promise<string> {
  return clientAddressOf(await headers(), config().trustProxy);
}
