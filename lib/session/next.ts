// Next.js adapter: the typed session for the current request.
import 'server-only';
import { cookies } from 'next/headers';
import { getIronSession } from 'iron-session';
import { config } from '../config';
import { sessionOptions, type ShopSession } from './session';

export async function getShopSession() {
  const { appKeys, publicUrl } = config();
  return getIronSession<ShopSession>(await cookies(), sessionOptions(appKeys, publicUrl.startsWith('https:')));
}
