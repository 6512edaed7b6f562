// Next.js adapter: the typed session for the current request.
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { getIronSession } from 'iron-session';
import { sessionOptions, type ShopSession } from '../session/session';
import { shop } from './shop';

// cache(): the layout and the page of one request share one unsealed session.
export const getShopSession = cache(async () => {
  // cookies() first: while `next build` prerenders, it bails out before any secret is read.
  const jar = await cookies();
  const { settings, secure } = shop();
  const options = sessionOptions(settings.appKeys, secure);
  try {
    return await getIronSession<ShopSession>(jar, options);
  } catch {
    // iron-session throws on some malformed cookies (bad prefix, bad expiry):
    // such a browser simply starts a fresh session, which replaces the cookie when saved.
    const withoutSession = {
      get: (name: string) => (name === options.cookieName ? undefined : jar.get(name)),
      set: jar.set.bind(jar),
    };
    return getIronSession<ShopSession>(withoutSession as typeof jar, options);
  }
});
