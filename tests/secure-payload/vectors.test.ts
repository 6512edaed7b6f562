// The vectors of docs/specs/secure-payloads.md: each is opened as the spec says, and the valid
// ones are reproduced byte for byte from the fixed keys and AES bytes.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accountAuthPayloadSchema, checkoutPayloadSchema, decodeFields, encodeV1, encodeV2, SecurePayloadError, validatePayload,
} from '@/lib/secure-payload';

const spec = JSON.parse(readFileSync('docs/specs/secure-payloads.vectors.json', 'utf8')) as {
  audience: string; now_ms: number; merchant_private_key_pem: string; merchant_certificate_pem: string;
  store_private_key_pem: string; store_public_jwk: { kid: string } & Record<string, string>;
  v1_aes_key_hex: string; v2_cek_hex: string; v2_iv_hex: string; v2_jti: string;
  vectors: { name: string; kind: 'checkout' | 'account'; mode: 'live' | 'test'; securePayload: string; secureKey: string; expected: string; format?: string; payload?: unknown }[];
};
const merchantKey = new X509Certificate(spec.merchant_certificate_pem).publicKey;
const storeKey = createPrivateKey(spec.store_private_key_pem);
const now = new Date(spec.now_ms);

async function outcome(vector: (typeof spec.vectors)[number]) {
  try {
    const decoded = await decodeFields({ accessKey: 'vectors', securePayload: vector.securePayload, secureKey: vector.secureKey }, {
      mode: vector.mode, merchantKeys: [merchantKey], storeKeys: async () => [{ kid: spec.store_public_jwk.kid, key: storeKey }], audience: spec.audience, now,
    });
    const schema = vector.kind === 'account' ? accountAuthPayloadSchema : checkoutPayloadSchema;
    return { expected: 'valid', format: decoded.format, payload: validatePayload(schema as typeof checkoutPayloadSchema, decoded.body) };
  } catch (error) {
    if (error instanceof SecurePayloadError) return { expected: error.code };
    throw error;
  }
}

describe('secure payload vectors (docs/specs/secure-payloads.md)', () => {
  it('covers valid v1, v2 and plain payloads and the main refusals', () => {
    expect(new Set(spec.vectors.filter((v) => v.expected === 'valid').map((v) => v.format))).toEqual(new Set(['v1', 'v2', 'plain']));
    expect(spec.vectors.filter((v) => v.expected !== 'valid').length).toBeGreaterThanOrEqual(8);
  });

  for (const vector of spec.vectors) {
    it(`${vector.name}: ${vector.expected}`, async () => {
      const { name, kind, mode, securePayload, secureKey, ...expected } = vector;
      expect(await outcome(vector)).toEqual(expected);
    });
  }

  it('reproduces the v1 vector from the fixed AES key: the format is deterministic', () => {
    const [vector] = spec.vectors;
    const made = encodeV1(JSON.stringify(vector.payload), spec.merchant_private_key_pem, Buffer.from(spec.v1_aes_key_hex, 'hex'));
    expect(made).toEqual({ securePayload: vector.securePayload, secureKey: vector.secureKey });
  });

  it('reproduces the v2 vector\'s header, IV, ciphertext and tag from the fixed CEK (RSA-OAEP itself is randomised)', async () => {
    const vector = spec.vectors.find((v) => v.name === 'v2 valid')!;
    const made = await encodeV2(vector.payload, {
      merchantPrivateKey: createPrivateKey(spec.merchant_private_key_pem), storeKey: spec.store_public_jwk, audience: spec.audience, now, jti: spec.v2_jti,
      fixed: { cek: Buffer.from(spec.v2_cek_hex, 'hex'), iv: Buffer.from(spec.v2_iv_hex, 'hex') },
    });
    const drop = (token: string) => token.split('.').filter((_, i) => i !== 1);
    expect(drop(made.securePayload)).toEqual(drop(vector.securePayload));
    expect(createPublicKey(storeKey).export({ format: 'jwk' }).n).toBe(spec.store_public_jwk.n);
  });
});
