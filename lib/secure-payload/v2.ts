// Format v2: a compact JWE (RSA-OAEP-256 + A256GCM) to the store's payload-encryption key, whose
// plaintext is a JWT signed by the merchant (RS256, ES256 or EdDSA by the key's type) carrying
// iat, exp (≤ iat + 600 s), jti, aud = the store's PUBLIC_URL and the payload in the claim `payload`.
// Every algorithm is pinned: the header only selects among what the keys already allow.
import { randomUUID, type KeyObject } from 'node:crypto';
import { CompactEncrypt, SignJWT, compactDecrypt, decodeProtectedHeader, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { refuse, SecurePayloadError } from './errors';

export const V2_KEY_MANAGEMENT = 'RSA-OAEP-256';
export const V2_CONTENT_ENCRYPTION = 'A256GCM';
export const MAX_LIFETIME_SECONDS = 600;
export const CLOCK_SKEW_SECONDS = 60;

export interface StoreDecryptionKey { kid: string; key: KeyObject }
export interface V2Context { storeKeys: readonly StoreDecryptionKey[]; merchantKeys: readonly KeyObject[]; audience: string; now: Date }
export interface OpenedV2 { payload: unknown; jti: string; expiresAt: Date }

/** The one JWS algorithm a merchant key may sign with, or null when the key suits none. */
export function signingAlgorithmOf(key: KeyObject): 'RS256' | 'ES256' | 'EdDSA' | null {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  return null;
}

function headerOf(token: string, what: string) {
  try {
    return decodeProtectedHeader(token);
  } catch {
    throw refuse('PAYLOAD_MALFORMED', `${what} header is not readable`);
  }
}

/** jose's typed errors, as ours. */
function translate(error: unknown): never {
  if (error instanceof SecurePayloadError) throw error;
  const { code, claim, message } = (error ?? {}) as { code?: string; claim?: string; message?: string };
  const detail = message ?? String(error);
  switch (code) {
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED': throw refuse('ALGORITHM_REFUSED', detail);
    case 'ERR_JWE_DECRYPTION_FAILED': throw refuse('DECRYPTION_FAILED', detail);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED': throw refuse('KEY_MISMATCH', detail);
    case 'ERR_JWT_EXPIRED': throw refuse('PAYLOAD_EXPIRED', detail);
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'aud') throw refuse('WRONG_AUDIENCE', detail);
      if (claim === 'nbf') throw refuse('TIMESTAMP_IN_FUTURE', detail);
      throw refuse('PAYLOAD_INVALID', detail, `${claim}: ${detail}`);
    default: throw refuse('PAYLOAD_MALFORMED', detail);
  }
}

async function decryptJwe(token: string, storeKeys: readonly StoreDecryptionKey[]): Promise<string> {
  const { kid } = headerOf(token, 'JWE');
  const candidates = kid === undefined ? storeKeys : storeKeys.filter((key) => key.kid === kid);
  if (candidates.length === 0) throw refuse('DECRYPTION_FAILED', `no usable store key has kid ${String(kid)}`);
  let failure: unknown;
  for (const { key } of candidates) {
    try {
      const { plaintext } = await compactDecrypt(token, key, {
        keyManagementAlgorithms: [V2_KEY_MANAGEMENT],
        contentEncryptionAlgorithms: [V2_CONTENT_ENCRYPTION],
      });
      return new TextDecoder().decode(plaintext);
    } catch (error) {
      failure = error;
    }
  }
  return translate(failure);
}

async function verifyJwt(jwt: string, { merchantKeys, audience, now }: V2Context): Promise<JWTPayload> {
  const { alg } = headerOf(jwt, 'JWS');
  const keys = merchantKeys.filter((key) => signingAlgorithmOf(key) === alg);
  if (keys.length === 0) throw refuse('ALGORITHM_REFUSED', `the JWS alg ${String(alg)} fits none of the integration's keys`);
  let failure: unknown;
  for (const key of keys) {
    try {
      const { payload } = await jwtVerify(jwt, key, {
        algorithms: [alg as string], audience, currentDate: now, clockTolerance: CLOCK_SKEW_SECONDS, requiredClaims: ['iat', 'exp', 'jti', 'aud'],
      });
      return payload;
    } catch (error) {
      failure = error;
      if ((error as { code?: string }).code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') break;
    }
  }
  return translate(failure);
}

export async function openV2(token: string, context: V2Context): Promise<OpenedV2> {
  if (token.split('.').length !== 5) throw refuse('PAYLOAD_MALFORMED', 'a v2 securePayload is a compact JWE of five parts');
  const claims = await verifyJwt(await decryptJwe(token, context.storeKeys), context);
  const { iat, exp, jti } = claims as { iat: number; exp: number; jti: unknown };
  if (iat > context.now.getTime() / 1000 + CLOCK_SKEW_SECONDS) throw refuse('TIMESTAMP_IN_FUTURE', `iat ${iat} is ahead of the clock`);
  if (exp - iat > MAX_LIFETIME_SECONDS) throw refuse('LIFETIME_TOO_LONG', `exp - iat = ${exp - iat} s`);
  if (typeof jti !== 'string' || jti.length < 8 || jti.length > 128) throw refuse('PAYLOAD_INVALID', 'jti is not a string of 8 to 128 characters', 'jti: must be a string of 8 to 128 characters');
  if (claims.payload === undefined) throw refuse('PAYLOAD_INVALID', 'the JWT has no payload claim', 'payload: required');
  return { payload: claims.payload, jti, expiresAt: new Date(exp * 1000) };
}

export interface EncodeV2Options {
  merchantPrivateKey: KeyObject;
  /** The store's public payload-encryption JWK (from its JWKS), with its kid. */
  storeKey: JWK;
  audience: string;
  now: Date;
  lifetimeSeconds?: number;
  jti?: string;
  /** Fixed content-encryption key and IV: test vectors only. */
  fixed?: { cek: Uint8Array; iv: Uint8Array };
}

/** What a merchant's backend does for v2. */
export async function encodeV2(payload: unknown, options: EncodeV2Options): Promise<{ securePayload: string; secureKey: 'v2' }> {
  const alg = signingAlgorithmOf(options.merchantPrivateKey);
  if (!alg) throw new Error('the merchant key must be RSA, EC P-256 or Ed25519');
  const iat = Math.floor(options.now.getTime() / 1000);
  const jwt = await new SignJWT({ payload: payload as JWTPayload['payload'] })
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setIssuedAt(iat).setExpirationTime(iat + (options.lifetimeSeconds ?? 300))
    .setJti(options.jti ?? randomUUID()).setAudience(options.audience)
    .sign(options.merchantPrivateKey);
  const encrypter = new CompactEncrypt(new TextEncoder().encode(jwt))
    .setProtectedHeader({ alg: V2_KEY_MANAGEMENT, enc: V2_CONTENT_ENCRYPTION, kid: options.storeKey.kid, cty: 'JWT' });
  if (options.fixed) encrypter.setContentEncryptionKey(options.fixed.cek).setInitializationVector(options.fixed.iv);
  const securePayload = await encrypter.encrypt(await importJWK({ ...options.storeKey, alg: V2_KEY_MANAGEMENT }, V2_KEY_MANAGEMENT));
  return { securePayload, secureKey: 'v2' };
}
