// Opening a merchant's secure request: find the integration, decode the payload in whichever
// format it came, validate it against its schema, and enforce time and single use.
import type { Db } from '../db/client';
import { findIntegrationByAccessKey, merchantKeysOf } from '../integrations/integrations';
import { privateKeyOf, usableKeys } from '../key-store/store';
import { checkFields, decodeFields, validatePayload, type PayloadFormat, type SecureFields } from './decode';
import { refuse } from './errors';
import { consumeNonce, nonceKey } from './nonces';
import { accountAuthPayloadSchema, checkoutPayloadSchema, type AccountAuthPayload, type CheckoutPayload } from './schema';

export * from './errors';
export * from './schema';
export { encodeV1, openV1 } from './v1';
export { encodeV2, openV2, signingAlgorithmOf } from './v2';
export { formatOf, checkFields, decodeFields, validatePayload, type PayloadFormat, type SecureFields } from './decode';
export { handleSecureRequest, readSecureFields, type Handled } from './request';

export const ACCOUNT_PAYLOAD_MAX_AGE_MS = 5 * 60_000;
export const ACCOUNT_PAYLOAD_MAX_AHEAD_MS = 60_000;

export interface OpenedRequest<T> {
  integration: { id: number; name: string; mode: 'live' | 'test' };
  format: PayloadFormat;
  payload: T;
}

/** The audience v2 payloads must name (the shop's PUBLIC_URL) and the secrets sealing the store's keys. */
export interface OpenOptions { publicUrl: string; appKeys: readonly string[] }

async function openRequest(db: Db, rawFields: SecureFields, now: Date, options: OpenOptions) {
  const fields = checkFields(rawFields);
  const integration = await findIntegrationByAccessKey(db, fields.accessKey, now);
  if (!integration) throw refuse('UNKNOWN_ACCESS_KEY', `no integration has access key ${JSON.stringify(fields.accessKey)}`);
  if (!integration.enabled) throw refuse('INTEGRATION_DISABLED', `integration ${integration.id} is disabled`);
  const mode = integration.mode === 'live' ? 'live' : 'test';
  const { appKeys } = options;
  const decoded = await decodeFields(fields, {
    mode,
    merchantKeys: merchantKeysOf(integration.certificates),
    storeKeys: async () => (await usableKeys(db, 'payload-encryption', now)).map((key) => ({ kid: key.kid, key: privateKeyOf(key, appKeys) })),
    audience: options.publicUrl,
    now,
  });
  return { integration: { id: integration.id, name: integration.name, mode }, ...decoded } as const;
}

/** A checkout payload. v2 tokens are single-use (by jti); v1 and plain payloads carry no nonce in FastSpring's format. */
export async function openCheckoutRequest(db: Db, fields: SecureFields, now: Date, options: OpenOptions): Promise<OpenedRequest<CheckoutPayload>> {
  const { integration, format, body, jti } = await openRequest(db, fields, now, options);
  const payload = validatePayload(checkoutPayloadSchema, body);
  if (jti) await consumeNonce(db, nonceKey(integration.id, 'jti', jti.id), jti.expiresAt, now);
  return { integration, format, payload };
}

/** An account sign-in: timestamp in [now - 5 min, now + 60 s], each payload usable once. */
export async function openAccountRequest(db: Db, fields: SecureFields, now: Date, options: OpenOptions): Promise<OpenedRequest<AccountAuthPayload>> {
  const { integration, format, body, jti } = await openRequest(db, fields, now, options);
  const payload = validatePayload(accountAuthPayloadSchema, body);
  const age = now.getTime() - payload.timestamp;
  if (age > ACCOUNT_PAYLOAD_MAX_AGE_MS) throw refuse('TIMESTAMP_STALE', `timestamp is ${age} ms old`);
  if (-age > ACCOUNT_PAYLOAD_MAX_AHEAD_MS) throw refuse('TIMESTAMP_IN_FUTURE', `timestamp is ${-age} ms ahead`);
  // The validated value, re-serialised, so re-encodings of the same payload count as the same one.
  const nonce = jti
    ? { key: nonceKey(integration.id, 'jti', jti.id), until: jti.expiresAt }
    : { key: nonceKey(integration.id, 'payload', JSON.stringify(payload)), until: new Date(payload.timestamp + ACCOUNT_PAYLOAD_MAX_AGE_MS) };
  await consumeNonce(db, nonce.key, nonce.until, now);
  return { integration, format, payload };
}
