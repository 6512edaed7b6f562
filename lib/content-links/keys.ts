// Key sources for verification: fixed public keys (the shop's own), and the union of several.
import type { KeyObject } from 'node:crypto';
import type { KeySource } from './verify';

export interface PublicKeyEntry { kid: string; publicKey: KeyObject }

export function staticKeySource(entries: readonly PublicKeyEntry[]): KeySource {
  const all = entries.map((entry) => entry.publicKey);
  return {
    async candidates(kid) {
      return kid === undefined ? all : entries.filter((entry) => entry.kid === kid).map((entry) => entry.publicKey);
    },
  };
}

/**
 * Sources in order (the shop's own keys first). A named kid stops at the first source that
 * knows it, so the shop's own links never wait for the external issuer; without a kid every
 * source's keys are tried.
 */
export function combinedKeySource(sources: readonly KeySource[]): KeySource {
  return {
    async candidates(kid) {
      const all: KeyObject[] = [];
      for (const source of sources) {
        const keys = await source.candidates(kid);
        if (kid !== undefined && keys.length > 0) return keys;
        all.push(...keys);
      }
      return all;
    },
  };
}
