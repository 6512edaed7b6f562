// Key sources for verification: fixed public keys (the shop's own), and the union of several.
import type { KeyObject } from 'node:crypto';
import type { KeySource } from './verify';

export interface PublicKeyEntry { kid: string; publicKey: KeyObject }

export function staticKeySource(entries: readonly PublicKeyEntry[]): KeySource {
  const all = entries.map((entry) => entry.publicKey);
  return {
    candidates(kid) {
      return kid === undefined ? all : entries.filter((entry) => entry.kid === kid).map((entry) => entry.publicKey);
    },
  };
}

/**
 * Sources in order (the shop's own keys first). A named kid stops at the first source that
 * knows it, so the shop's own links never wait for the external issuer (and, when the first
 * source has its keys in memory, not even for a promise); without a kid every source's keys
 * are tried.
 */
export function combinedKeySource(sources: readonly KeySource[]): KeySource {
  async function from(index: number, kid: string | undefined, found: readonly KeyObject[]): Promise<readonly KeyObject[]> {
    const all = [...found];
    for (const source of sources.slice(index)) {
      const keys = await source.candidates(kid);
      if (kid !== undefined && keys.length > 0) return keys;
      all.push(...keys);
    }
    return all;
  }
  return {
    candidates(kid) {
      if (sources.length === 0) return [];
      const first = sources[0].candidates(kid);
      if (Array.isArray(first)) return kid !== undefined && first.length > 0 ? first : from(1, kid, first);
      return Promise.resolve(first).then((keys) => (kid !== undefined && keys.length > 0 ? keys : from(1, kid, keys)));
    },
  };
}
