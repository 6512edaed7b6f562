// Generated inputs thrown at the decoder and at the route adapter: mutations of real v1 and v2
// payloads, random base64, random JSON, random bodies and content types. Every outcome must be an
// opened payload or a typed 4xx refusal, never a 500, never a hang.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type JWK } from 'jose';
import {
  checkoutPayloadSchema, decodeFields, encodeV1, encodeV2, handleSecureRequest, openAccountRequest, openCheckoutRequest,
  SecurePayloadError, validatePayload, type SecureFields,
} from '@/lib/secure-payload';
import { activeKey, privateKeyOf } from '@/lib/key-store';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { addIntegration, makeMerchantKeys, type MerchantKeys } from '../support/merchant';
import { opts, STORE } from '../support/secure-options';

const RUNS = 10_000;
const HANG_MS = 3_000;
const now = new Date();
const body = { contact: { email: 'f@example.com', firstName: 'F', lastName: 'Uzz' }, items: [{ product: 'pop-up-castle', quantity: 1 }] };

let merchant: MerchantKeys;
let storeJwk: JWK;
let seeds: { v1: { securePayload: string; secureKey: string }; v2: string; account: { securePayload: string; secureKey: string } };

/** A string like `text` with one to three small edits: a changed, dropped or inserted character, or a cut. */
const mutated = (text: string) => fc.array(fc.tuple(fc.nat(text.length), fc.constantFrom('set', 'drop', 'insert', 'cut'), fc.constantFrom(...'A+/=. _-%\n\0é')), { minLength: 1, maxLength: 3 })
  .map((edits) => edits.reduce((s, [at, how, ch]) => how === 'set' ? s.slice(0, at) + ch + s.slice(at + 1)
    : how === 'drop' ? s.slice(0, at) + s.slice(at + 1) : how === 'insert' ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at), text));

const fieldsArbitrary = (accessKeys: string[]) => fc.record({
  accessKey: fc.oneof(fc.constantFrom(...accessKeys), fc.string({ maxLength: 120 })),
  securePayload: fc.oneof(
    fc.constant(seeds.v1.securePayload), mutated(seeds.v1.securePayload), mutated(seeds.v2), mutated(seeds.account.securePayload),
    fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 300 }), fc.json({ maxDepth: 4 }),
    fc.anything({ maxDepth: 3 }).map((value) => JSON.stringify({ ...body, extra: value }) ?? ''),
  ),
  secureKey: fc.oneof(fc.constantFrom('', 'v2', seeds.v1.secureKey, seeds.account.secureKey), mutated(seeds.v1.secureKey), fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 50 })),
});

function withDeadline<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`hung for ${HANG_MS} ms`)), HANG_MS))]);
}

beforeAll(() => { merchant = makeMerchantKeys(); });
afterAll(() => merchant?.cleanup());

describe.each(PROVIDERS_UNDER_TEST)('fuzzing secure requests on %s', (provider) => {
  let test: TestDatabase;
  let accessKeys: string[];
  beforeAll(async () => {
    test = await openTestDatabase(provider, { seed: false });
    const live = await addIntegration(test.db, merchant.certPem, { now });
    const sandbox = await addIntegration(test.db, merchant.certPem, { now, mode: 'test' });
    accessKeys = [live.accessKey, sandbox.accessKey];
    storeJwk = (await activeKey(test.db, 'payload-encryption', now, STORE.appKeys)).publicJwk;
    const merchantPrivateKey = createPrivateKey(merchant.privateKeyPem);
    seeds = {
      v1: encodeV1(JSON.stringify(body), merchantPrivateKey),
      v2: (await encodeV2(body, { merchantPrivateKey, storeKey: storeJwk, audience: STORE.publicUrl, now })).securePayload,
      account: encodeV1(JSON.stringify({ account: 'ACC-F', timestamp: now.getTime() }), merchantPrivateKey),
    };
  });
  afterAll(async () => { await test?.close(); });

  it(`answers ${RUNS} generated requests through the route adapter with a 2xx outcome or a 4xx, in bounded time`, async () => {
    const codes = new Map<string, number>();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error');
    const request = fc.record({
      fields: fieldsArbitrary(accessKeys),
      // Mostly well-formed bodies, so most inputs reach the decoder rather than the body reader.
      encoding: fc.oneof({ weight: 4, arbitrary: fc.constant('form') }, { weight: 4, arbitrary: fc.constant('json') },
        { weight: 1, arbitrary: fc.constantFrom('json-nonstring', 'garbage', 'text') }),
      account: fc.boolean(),
    }).map(({ fields, encoding, account }) => {
      const headers = { 'content-type': encoding === 'form' ? 'application/x-www-form-urlencoded' : encoding === 'text' ? 'text/plain' : 'application/json' };
      const payload = encoding === 'form' ? new URLSearchParams(fields).toString()
        : encoding === 'json' ? JSON.stringify(fields)
          : encoding === 'json-nonstring' ? JSON.stringify({ ...fields, secureKey: [fields.secureKey], securePayload: { x: 1 } })
            : `${fields.securePayload}&&{`;
      return { account, request: new Request('http://shop.test/checkout/secure', { method: 'POST', headers, body: payload }) };
    });
    await fc.assert(fc.asyncProperty(request, async ({ account, request: req }) => {
      const open = (fields: SecureFields): Promise<unknown> => account ? openAccountRequest(test.db, fields, now, opts) : openCheckoutRequest(test.db, fields, now, opts);
      const outcome = await withDeadline(handleSecureRequest(req, open, 'fuzz'));
      const answer = outcome.ok ? { error: 'OPENED' } : await outcome.response.json();
      codes.set(answer.error, (codes.get(answer.error) ?? 0) + 1);
      if (!outcome.ok) {
        expect(outcome.response.status).toBeGreaterThanOrEqual(400);
        expect(outcome.response.status).toBeLessThan(500);
        expect(Object.keys(answer)).toEqual(['error', 'message']);
      }
    }), { numRuns: RUNS });
    warn.mockRestore();
    expect(error).not.toHaveBeenCalled();
    console.info(`fuzz outcomes on ${provider}:`, Object.fromEntries(codes));
    for (const code of ['OPENED', 'UNKNOWN_ACCESS_KEY', 'PAYLOAD_MALFORMED', 'KEY_MISMATCH', 'PAYLOAD_INVALID', 'PLAIN_NOT_ALLOWED']) expect(codes.get(code)).toBeGreaterThan(0);
  }, 300_000);

  it(`opens or refuses ${RUNS} generated field sets at the decoder with a typed error only`, async () => {
    const storeKey = { kid: storeJwk.kid!, key: privateKeyOf((await activeKey(test.db, 'payload-encryption', now, STORE.appKeys)), STORE.appKeys) };
    const merchantKeys = [createPublicKey(merchant.privateKeyPem)];
    await fc.assert(fc.asyncProperty(fieldsArbitrary(accessKeys), fc.constantFrom('live', 'test') as fc.Arbitrary<'live' | 'test'>, async (fields, mode) => {
      try {
        const decoded = await withDeadline(decodeFields(fields, { mode, merchantKeys, storeKeys: async () => [storeKey], audience: STORE.publicUrl, now }));
        validatePayload(checkoutPayloadSchema, decoded.body);
      } catch (error) {
        if (!(error instanceof SecurePayloadError)) throw error;
      }
    }), { numRuns: RUNS });
  }, 300_000);
});
