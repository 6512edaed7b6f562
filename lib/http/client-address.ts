// Who sent a request. Every hop in X-Forwarded-For was written by someone: the
// left-most values by the client itself. With our own proxies in front, the client
// is the right-most address that is not one of them. Pure: header and peer passed in.
import { isIP } from 'node:net';

export type TrustProxy = { hops: number } | { addresses: readonly string[] };

export const TRUST_PROXY_FORMAT = /^(true|false|\d{1,2}|[0-9a-fA-F.:]+(\s*,\s*[0-9a-fA-F.:]+)*)$/;

/** false/0: no proxy (the peer is the client); true: one; N: N proxies; a list: those addresses. */
export function parseTrustProxy(value: string): TrustProxy {
  if (value === 'false') return { hops: 0 };
  if (value === 'true') return { hops: 1 };
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  const addresses = value.split(',').map((a) => a.trim());
  const bad = addresses.find((a) => !isIP(a));
  if (bad) throw new Error(`TRUST_PROXY: "${bad}" is not an IP address`);
  return { addresses };
}

/** Strips an IPv4-mapped IPv6 prefix, so 127.0.0.1 and ::ffff:127.0.0.1 are one client. */
const normalise = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/** The hop chain as the last proxy saw it: the forwarded-for list, then the TCP peer. */
export function clientAddress(forwardedFor: string | null | undefined, peer: string | null | undefined, trust: TrustProxy): string {
  if (!peer) return 'unknown';
  const chain = [...(forwardedFor ?? '').split(',').map(normalise).filter(Boolean), normalise(peer)];
  if ('hops' in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  const trusted = new Set(trust.addresses.map(normalise));
  for (let i = chain.length - 1; i >= 0; i -= 1) if (!trusted.has(chain[i])) return chain[i];
  return chain[0];
}

/**
 * Set on each request by lib/http/peer-header.ts from the socket (a client's own copy is
 * dropped), because App Router handlers cannot see the socket and Next keeps a client's
 * X-Forwarded-For as it is.
 */
export const PEER_HEADER = 'x-shop-peer';

export function clientAddressOf(headers: Headers, trust: TrustProxy): string {
  return clientAddress(headers.get('x-forwarded-for'), headers.get(PEER_HEADER), trust);
}
