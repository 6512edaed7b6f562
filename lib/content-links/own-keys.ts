// The shop's own content-signing keys, read from the key store and kept in memory: a kid
// names one immutable key, so only an unknown kid (a rotation elsewhere) needs a fresh read.
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { KeySource } from './verify';
import type { PublicKeyEntry } from './keys';

export interface OwnKeyOptions {
  /** Reads the usable public keys (newest first). */
  load: () => Promise<readonly { kid: string; publicJwk: object }[]>;
  clock?: () => number;
  maxAgeMs?: number;
  /** An unknown kid rereads at most this often. */
  cooldownMs?: number;
}

export function ownKeySource({ load, clock = Date.now, maxAgeMs = 60_000, cooldownMs = 1_000 }: OwnKeyOptions): KeySource {
  let entries: PublicKeyEntry[] = [];
  let loadedAt = -Infinity;
  let pending: Promise<void> | undefined;
  const reload = () => (pending ??= load()
    .then((keys) => {
      entries = keys.map(({ kid, publicJwk }) => ({ kid, publicKey: createPublicKey({ key: publicJwk as never, format: 'jwk' }) }));
      loadedAt = clock();
    })
    .finally(() => { pending = undefined; }));

  const matching = (kid: string | undefined): KeyObject[] =>
    entries.filter((entry) => kid === undefined || entry.kid === kid).map((entry) => entry.publicKey);

  return {
    candidates(kid) {
      const age = clock() - loadedAt;
      if (age > maxAgeMs) return reload().then(() => matching(kid));
      const found = matching(kid);
      // an unknown kid may be a rotation made by another instance: reread, at most once per cooldown
      if (found.length === 0 && kid !== undefined && age > cooldownMs) return reload().then(() => matching(kid));
      return found;
    },
  };
}
