// The wire format (docs/specs/webhooks.md): the vectors verify with the standardwebhooks
// library's own Webhook.verify, the shop's signatures match them, a rotation sends two that each
// verify, and the pure rules beside it: retry delays, private addresses, the URL's form.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { secretsInForce, signedHeaders, newWebhookSecret } from '@/lib/webhooks/signing';
import { retryDelayMs } from '@/lib/webhooks/worker';
import { checkTarget, checkTargetUrl, isPrivateAddress } from '@/lib/webhooks/targets';
import { WebhookTargetRefused } from '@/lib/webhooks/errors';

interface Vector { name: string; secret: string; previousSecret?: string; msgId: string; timestamp: number; body: string; signature: string; verifyAt?: number }
const vectors = JSON.parse(readFileSync('docs/specs/webhooks.vectors.json', 'utf8')) as { valid: Vector[]; invalid: Vector[] };

const headersOf = (v: Vector) => ({ 'webhook-id': v.msgId, 'webhook-timestamp': String(v.timestamp), 'webhook-signature': v.signature });

afterEach(() => { vi.useRealTimers(); });

describe('the vectors, verified by the standardwebhooks library', () => {
  it.each(vectors.valid)('accepts "$name", and the shop signs it the same', (v) => {
    vi.useFakeTimers({ now: v.timestamp * 1000 + 10_000 });
    expect(new Webhook(v.secret).verify(v.body, headersOf(v))).toEqual(JSON.parse(v.body));
    if (v.previousSecret) expect(new Webhook(v.previousSecret).verify(v.body, headersOf(v))).toEqual(JSON.parse(v.body));
    const secrets = v.previousSecret ? [v.secret, v.previousSecret] : [v.secret];
    expect(signedHeaders(v.msgId, v.body, secrets, new Date(v.timestamp * 1000 + 400))).toEqual(headersOf(v));
  });

  it.each(vectors.invalid)('refuses "$name"', (v) => {
    vi.useFakeTimers({ now: (v.verifyAt ?? v.timestamp) * 1000 });
    expect(() => new Webhook(v.secret).verify(v.body, headersOf(v))).toThrow();
  });
});

describe('secrets and rotation', () => {
  it('makes whsec_ secrets of 32 random bytes that the library accepts', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    const at = new Date();
    const headers = signedHeaders('msg_x', '{"a":1}', [secret], at);
    expect(new Webhook(secret).verify('{"a":1}', headers)).toEqual({ a: 1 });
  });

  it('signs with the previous secret too only until the overlap ends', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const endpoint = { secret: 'whsec_new', previousSecret: 'whsec_old', previousSecretUntil: new Date(now.getTime() + 1000) };
    expect(secretsInForce(endpoint, now)).toEqual(['whsec_new', 'whsec_old']);
    expect(secretsInForce(endpoint, new Date(now.getTime() + 1000))).toEqual(['whsec_new']);
    expect(secretsInForce({ ...endpoint, previousSecret: null }, now)).toEqual(['whsec_new']);
  });
});

describe('retries', () => {
  it('doubles the delay from the first retry up to the cap, each jittered between half and all of it', () => {
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, 10_000, 3_600_000, () => 1)).toBe(80_000);
    expect(retryDelayMs(30, 10_000, 3_600_000, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(30, 10_000, 3_600_000, () => 0)).toBe(1_800_000);
  });

  it('keeps trying for about a day: the schedule of delays at their longest and shortest', () => {
    const total = (random: () => number) => {
      let elapsed = 0, attempts = 0;
      while (elapsed < 24 * 3_600_000) { attempts += 1; elapsed += retryDelayMs(attempts, 10_000, 3_600_000, random); }
      return attempts;
    };
    expect(total(() => 1)).toBeGreaterThan(25);
    expect(total(() => 0)).toBeLessThan(60);
  });
});

describe('where webhooks may go', () => {
  it.each([
    ['127.0.0.1', true], ['127.8.9.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['::1', true], ['::', true],
    ['fe80::1', true], ['fd00::1', true], ['::ffff:127.0.0.1', true], ['::ffff:10.0.0.1', true], ['not-an-ip', true],
    ['93.184.216.34', false], ['172.32.0.1', false], ['2606:4700::1111', false], ['::ffff:93.184.216.34', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  const refusalOf = async (work: () => unknown) => {
    try { await work(); } catch (error) { return error instanceof WebhookTargetRefused ? error.refusal : String(error); }
    return null;
  };
  const production = { httpsOnly: true, allowPrivate: false };

  it('refuses a malformed URL, credentials in it, and plain http in production', async () => {
    expect(await refusalOf(() => checkTargetUrl('not a url', production))).toBe('url-invalid');
    expect(await refusalOf(() => checkTargetUrl('ftp://hooks.example/x', production))).toBe('url-invalid');
    expect(await refusalOf(() => checkTargetUrl('https://user:pw@hooks.example/x', production))).toBe('url-credentials');
    expect(await refusalOf(() => checkTargetUrl('http://hooks.example/x', production))).toBe('https-required');
    expect(await refusalOf(() => checkTargetUrl(`https://hooks.example/${'a'.repeat(2000)}`, production))).toBe('url-too-long');
    expect(checkTargetUrl('http://hooks.example/x', { httpsOnly: false, allowPrivate: false }).href).toBe('http://hooks.example/x');
  });

  it('refuses a host that resolves to a private address, or to a mix, unless private targets are allowed', async () => {
    const resolver = (answer: string[]) => async () => answer;
    expect(await refusalOf(() => checkTarget('https://hooks.example/x', production, resolver(['10.0.0.5'])))).toBe('address-private');
    expect(await refusalOf(() => checkTarget('https://hooks.example/x', production, resolver(['93.184.216.34', '127.0.0.1'])))).toBe('address-private');
    expect(await refusalOf(() => checkTarget('https://[::1]/x', production))).toBe('address-private');
    expect(await refusalOf(() => checkTarget('https://127.0.0.1/x', production))).toBe('address-private');
    expect(await refusalOf(() => checkTarget('https://hooks.example/x', production, async () => { throw new Error('ENOTFOUND'); }))).toBe('host-unresolvable');
    expect((await checkTarget('https://hooks.example/x', production, resolver(['93.184.216.34']))).href).toBe('https://hooks.example/x');
    expect((await checkTarget('https://127.0.0.1/x', { httpsOnly: true, allowPrivate: true })).href).toBe('https://127.0.0.1/x');
  });

  it('resolves "localhost" with the system resolver and refuses it', async () => {
    expect(await refusalOf(() => checkTarget('https://localhost:8443/x', production))).toBe('address-private');
  });
});
