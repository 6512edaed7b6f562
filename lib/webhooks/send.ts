// One HTTP POST of a webhook: to an address checked by ./targets.ts just now (the connection
// goes to that address, the TLS name check stays on the host), with a short timeout, no
// redirects followed, and only the first bytes of the answer read and kept.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveTarget, type Resolver, type TargetPolicy } from './targets';
import { WebhookTargetRefused } from './errors';

export interface SendLimits {
  /** The whole attempt, connecting included. */
  timeoutMs: number;
  /** How much of the answer is kept (and read). */
  keepResponseBytes: number;
}

export const SEND_LIMITS: SendLimits = { timeoutMs: 5_000, keepResponseBytes: 1_024 };

export interface SendOutcome {
  /** null: no answer (refused target, connection failed, timeout). */
  statusCode: number | null;
  latencyMs: number;
  responseStart: string;
  error: string | null;
}

export const isAcknowledged = (outcome: SendOutcome) => outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;

const pinnedLookup = (address: string): LookupFunction => (_host, options, callback) => {
  const family = address.includes(':') ? 6 : 4;
  if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
  else callback(null, address, family);
};

export async function sendWebhook(
  target: string, body: string, headers: Record<string, string>, policy: TargetPolicy, limits: SendLimits = SEND_LIMITS,
  resolve?: Resolver, clock: () => number = performance.now.bind(performance),
): Promise<SendOutcome> {
  const started = clock();
  const elapsed = () => Math.round(clock() - started);
  let url: URL;
  let address: string;
  try {
    url = new URL(target);
    if (policy.httpsOnly && url.protocol !== 'https:') throw new WebhookTargetRefused('https-required');
    [address] = await resolveTarget(url, policy, resolve);
  } catch (error) {
    const why = error instanceof WebhookTargetRefused ? error.refusal : 'url-invalid';
    return { statusCode: null, latencyMs: elapsed(), responseStart: '', error: `target refused: ${why}` };
  }
  return new Promise<SendOutcome>((done) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      done({ ...outcome, latencyMs: elapsed() });
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      lookup: pinnedLookup(address),
      agent: false,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'popup-card-shop-webhooks/1' },
    }, (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const answer = () => finish({ statusCode: response.statusCode ?? null, responseStart: Buffer.concat(chunks).toString('utf8').slice(0, limits.keepResponseBytes), error: null });
      response.on('data', (chunk: Buffer) => {
        if (kept < limits.keepResponseBytes) { chunks.push(chunk.subarray(0, limits.keepResponseBytes - kept)); kept += chunk.length; }
        if (kept >= limits.keepResponseBytes) answer();
      });
      response.on('end', answer);
      response.on('error', answer);
    });
    const timer = setTimeout(() => finish({ statusCode: null, responseStart: '', error: `no answer within ${limits.timeoutMs} ms` }), limits.timeoutMs);
    request.on('error', (error) => finish({ statusCode: null, responseStart: '', error: String(error.message).slice(0, 300) }));
    request.end(body);
  });
}
