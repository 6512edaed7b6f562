// Next.js adapter: the typed session for the current request.
import 'server-only';
import { cookies } from 'next/headers';
import { getIronSession } from 'iron-session';
import { config } from '../config';
import { sessionOptions, type ShopSession } from './session';

export async function getShopSession() {
  // cookies() first: while `next build` prerenders, it bails out before any secret is read.
  const jar = await cookies();
  const { appKeys, publicUrl } = config();
  return getIronSession<ShopSession>(jar, sessionOptions(appKeys, publicUrl.startsWith('https:')));
}
