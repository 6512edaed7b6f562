// Merchant tooling behind `npm run payload`: turn a JSON file into the two strings a merchant
// page posts. Validates first, so a merchant learns about a bad payload before a shopper does.
import { createPrivateKey } from 'node:crypto';
import type { JWK } from 'jose';
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
  /** v2 only: the store's JWK Set and its PUBLIC_URL (the audience). */
  storeJwks?: { keys: JWK[] };
  audience?: string;
  now: Date;
}

/** The store's current encryption key: the first RSA-OAEP-256 `enc` key of its JWKS. */
export function encryptionKeyOf(jwks: { keys?: unknown }): JWK {
  const key = (Array.isArray(jwks.keys) ? jwks.keys as JWK[] : []).find((k) => k.use === 'enc' && k.alg === V2_KEY_MANAGEMENT && k.kid);
  if (!key) throw new Error(`the store's JWKS has no ${V2_KEY_MANAGEMENT} encryption key`);
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
  if (!input.storeJwks || !input.audience) throw new Error('v2 needs the store\'s JWKS (--store-jwks) and its public URL (--audience)');
  return encodeV2(body, { merchantPrivateKey: privateKey, storeKey: encryptionKeyOf(input.storeJwks), audience: input.audience, now: input.now });
}
