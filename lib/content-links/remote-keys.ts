// An external issuer's public keys (CONTENT_LINK_JWKS_URL), fetched and cached by jose's
// remote key set. Two additions around jose: a bare JWK (as Sesamy publishes it) is read as a
// one-key set, and when the issuer is down the last good answer keeps being served.
import { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, customFetch, errors, type FetchImplementation, type JSONWebKeySet } from 'jose';
import type { KeySource } from './verify';

export interface RemoteKeyOptions {
  timeoutMs?: number;
  cooldownMs?: number;
  cacheMaxAgeMs?: number;
  log?: (message: string) => void;
}

/** `{ keys: [...] }` stays as it is; a single JWK becomes a one-key set. */
export function asKeySet(json: unknown): JSONWebKeySet {
  if (json && typeof json === 'object' && Array.isArray((json as JSONWebKeySet).keys)) return json as JSONWebKeySet;
  if (json && typeof json === 'object' && typeof (json as { kty?: unknown }).kty === 'string') return { keys: [json as JSONWebKeySet['keys'][number]] };
  throw new Error('the issuer answered neither a JWKS nor a JWK');
}

/** A fetch for jose that normalises the body and falls back to the last good key set. */
function resilientFetch(log: (message: string) => void): FetchImplementation {
  let lastGood: JSONWebKeySet | undefined;
  const answer = (set: JSONWebKeySet) => Response.json(set, { status: 200 });
  return async (url, options) => {
    try {
      const response = await fetch(url, options);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      lastGood = asKeySet(await response.json());
      return answer(lastGood);
    } catch (error) {
      if (!lastGood) throw error;
      log(`content-link issuer ${url} unavailable (${(error as Error).message}); serving its last key set`);
      return answer(lastGood);
    }
  };
}

export function remoteKeySource(url: string, options: RemoteKeyOptions = {}): KeySource {
  const log = options.log ?? ((message) => console.warn(`[content-links] ${message}`));
  const resolve = createRemoteJWKSet(new URL(url), {
    timeoutDuration: options.timeoutMs ?? 3000,
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    [customFetch]: resilientFetch(log),
  });
  const converted = new WeakMap<object, KeyObject>();
  const toKeyObject = (key: CryptoKey) => {
    let keyObject = converted.get(key);
    if (!keyObject) converted.set(key, (keyObject = KeyObject.from(key)));
    return keyObject;
  };

  return {
    async candidates(kid) {
      try {
        return [toKeyObject(await resolve({ alg: 'RS256', kid }))];
      } catch (error) {
        if (error instanceof errors.JWKSMultipleMatchingKeys) {
          const keys: KeyObject[] = [];
          for await (const key of error as unknown as AsyncIterable<CryptoKey>) keys.push(toKeyObject(key));
          return keys;
        }
        if (!(error instanceof errors.JWKSNoMatchingKey)) log(`content-link issuer ${url}: ${(error as Error).message}`);
        return [];
      }
    },
  };
}
