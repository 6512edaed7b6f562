// Wiring for the running shop: the content-signing keys from the key store, the external
// issuer from CONTENT_LINK_JWKS_URL, and PUBLIC_URL's origin. One key source per process,
// so both key caches stay warm.
import { config } from '../config';
import { db } from '../db/client';
import { activeKey, privateKeyOf, usableKeys } from '../key-store';
import type { AccessContext } from './access';
import type { LinkSigner } from './issue';
import { combinedKeySource } from './keys';
import { ownKeySource } from './own-keys';
import { remoteKeySource } from './remote-keys';
import type { KeySource } from './verify';

const PURPOSE = 'content-signing';
const globalForKeys = globalThis as unknown as { contentLinkKeys?: KeySource };

export const publicOrigin = () => new URL(config().publicUrl).origin;

export function contentLinkKeys(): KeySource {
  globalForKeys.contentLinkKeys ??= combinedKeySource([
    ownKeySource({ load: () => usableKeys(db(), PURPOSE, new Date()) }),
    ...(config().contentLinkJwksUrl ? [remoteKeySource(config().contentLinkJwksUrl!)] : []),
  ]);
  return globalForKeys.contentLinkKeys;
}

/** The active content-signing key (created on first need). */
export async function contentLinkSigner(now: Date): Promise<LinkSigner> {
  const key = await activeKey(db(), PURPOSE, now, config().appKeys);
  return { publicOrigin: publicOrigin(), key: { kid: key.kid, privateKey: privateKeyOf(key, config().appKeys) } };
}

export const accessContext = (now: Date): AccessContext => ({ db: db(), publicOrigin: publicOrigin(), keys: contentLinkKeys(), nowMs: now.getTime() });
