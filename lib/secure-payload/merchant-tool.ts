// Merchant tooling behind `npm run payload`: turn a JSON file into the two strings a merchant
// page posts. Validates first, so a merchant learns about a bad payload before a shopper does.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { validatePayload } from './decode';
import { encodeV1 } from './v1';
import { encodeV2, V2_KEY_MANAGEMENT } from './v2';
import { accountAuthPayloadSchema, checkoutPayloadSchema } from './schema';

export type ToolCommand = 'encrypt' | 'authenticate';

export interface ToolInput {
  command: ToolCommand;
  format: 'v1' | 'v2';
  privateKeyPem: string;
  payloadJson: string;
  /** v2 only: the store's encryption key (see storeKeyFrom) and its PUBLIC_URL (the audience). */
  storeKey?: JWK;
  audience?: string;
  now: Date;
}

/**
 * The store's encryption key from what a merchant has: its JWKS (the first RSA-OAEP-256 `enc`
 * key), one JWK, or its SPKI public-key PEM (kid = RFC 7638 thumbprint, as the store names it).
 */
export async function storeKeyFrom(text: string): Promise<JWK> {
  if (text.trimStart().startsWith('-----BEGIN PUBLIC KEY-----')) {
    const jwk = createPublicKey(text).export({ format: 'jwk' }) as JWK;
    if (jwk.kty !== 'RSA') throw new Error('the store\'s encryption key is an RSA key');
    return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: V2_KEY_MANAGEMENT, use: 'enc' };
  }
  const parsed = JSON.parse(text) as { keys?: JWK[] } & JWK;
  const candidates = Array.isArray(parsed.keys) ? parsed.keys : [parsed];
  const key = candidates.find((k) => k.use === 'enc' && k.alg === V2_KEY_MANAGEMENT && k.kid);
  if (!key) throw new Error(`no ${V2_KEY_MANAGEMENT} encryption key with a kid was found`);
  return key;
}

export async function makeSecureRequest(input: ToolInput): Promise<{ securePayload: string; secureKey: string }> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(input.payloadJson);
  } catch {
    throw new Error('the payload file is not JSON');
  }
  if (input.command === 'authenticate') body = { ...body, timestamp: body.timestamp ?? input.now.getTime() };
  if (input.command === 'authenticate') validatePayload(accountAuthPayloadSchema, body);
  else validatePayload(checkoutPayloadSchema, body);
  const privateKey = createPrivateKey(input.privateKeyPem);
  if (input.format === 'v1') return encodeV1(JSON.stringify(body), privateKey);
  if (!input.storeKey || !input.audience) throw new Error('v2 needs the store\'s key (--store-jwks) and its public URL (--audience)');
  return encodeV2(body, { merchantPrivateKey: privateKey, storeKey: input.storeKey, audience: input.audience, now: input.now });
}
