// Where a webhook may go: an https URL (http only outside production), whose host resolves
// only to public addresses unless private targets are allowed (WEBHOOK_ALLOW_PRIVATE_TARGETS).
// Checked when an endpoint is saved and again at every send, on the addresses the request then
// connects to, so a DNS answer that changes later cannot point a delivery at the shop's network.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { WebhookTargetRefused } from './errors';

export interface TargetPolicy {
  /** Production: only https URLs. */
  httpsOnly: boolean;
  /** Loopback, private and link-local addresses allowed (local trials and tests). */
  allowPrivate: boolean;
}

export const MAX_URL_LENGTH = 2000;

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32], ['100::', 64],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** Loopback, private, link-local, shared, documentation, multicast or reserved: not a receiver on the internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  return blocked.check(address, 'ipv6');
}

/** The URL's form: absolute, https in production, no credentials, not too long. */
export function checkTargetUrl(text: string, policy: TargetPolicy): URL {
  if (text.length > MAX_URL_LENGTH) throw new WebhookTargetRefused('url-too-long');
  let url: URL;
  try { url = new URL(text); } catch { throw new WebhookTargetRefused('url-invalid'); }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetRefused('url-invalid');
  if (policy.httpsOnly && url.protocol !== 'https:') throw new WebhookTargetRefused('https-required');
  if (url.username || url.password) throw new WebhookTargetRefused('url-credentials');
  if (url.hash) throw new WebhookTargetRefused('url-invalid');
  return url;
}

export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** The addresses the host resolves to, each allowed by the policy; refused if any is not (a mixed answer is a trick). */
export async function resolveTarget(url: URL, policy: TargetPolicy, resolve: Resolver = systemResolver): Promise<string[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw new WebhookTargetRefused('host-unresolvable');
  }
  if (addresses.length === 0) throw new WebhookTargetRefused('host-unresolvable');
  if (!policy.allowPrivate && addresses.some(isPrivateAddress)) throw new WebhookTargetRefused('address-private');
  return addresses;
}

/** What saving an endpoint checks: the form, then where it points now. */
export async function checkTarget(text: string, policy: TargetPolicy, resolve?: Resolver): Promise<URL> {
  const url = checkTargetUrl(text.trim(), policy);
  await resolveTarget(url, policy, resolve);
  return url;
}
