// Wiring for the running shop: the content-signing keys from the key store, the external
// issuer from CONTENT_LINK_JWKS_URL, and PUBLIC_URL's origin. One key source per process,
// so both key caches stay warm.
import { activeKey, privateKeyOf, usableKeys } from '../key-store';
import { isGrantRevoked } from '../content/grants';
import type { AccessContext } from '../content-links/access';
import type { LinkSigner } from '../content-links/issue';
import { combinedKeySource } from '../content-links/keys';
import { ownKeySource } from '../content-links/own-keys';
import { remoteKeySource } from '../content-links/remote-keys';
import type { KeySource } from '../content-links/verify';
import { db, shop } from './shop';

const PURPOSE = 'content-signing';
const globalForKeys = globalThis as unknown as { contentLinkKeys?: KeySource };

export const publicOrigin = () => new URL(shop().settings.publicUrl).origin;

export function contentLinkKeys(): KeySource {
  const jwksUrl = shop().settings.contentLinkJwksUrl;
  globalForKeys.contentLinkKeys ??= combinedKeySource([
    ownKeySource({ load: () => usableKeys(db(), PURPOSE, new Date()) }),
    ...(jwksUrl ? [remoteKeySource(jwksUrl)] : []),
  ]);
  return globalForKeys.contentLinkKeys;
}

/** The active content-signing key (created on first need). */
export async function contentLinkSigner(now: Date): Promise<LinkSigner> {
  const { appKeys } = shop().settings;
  const key = await activeKey(db(), PURPOSE, now, appKeys);
  return { publicOrigin: publicOrigin(), key: { kid: key.kid, privateKey: privateKeyOf(key, appKeys) } };
}

/**
 * Revocation is read from the database on every use of a link with `sg` (no cache): it holds at once on every instance.
 * `language`: the page's, for the titles and teasers it shows.
 */
export const accessContext = (now: Date, language?: string): AccessContext => ({
  db: db(), publicOrigin: publicOrigin(), keys: contentLinkKeys(), nowMs: now.getTime(),
  grantIsRevoked: (linkRef) => isGrantRevoked(db(), linkRef), language,
});
