// Download tokens (docs/specs/download-tokens.md):
//   base64url(P) "." base64url(HMAC-SHA256(K, base64url(P)))
// where P is {"license_id":…,"product_slug":…,"expires":…[,"version_id":…]} and K is derived
// from APP_KEYS for the purpose "download-token". Pure: clock and keys come in.
import { z } from 'zod';
import { deriveKeyRing, ringVerifies, signWithRing, type KeyRing } from '../signing';
import { TokenExpired, TokenMalformed, TokenSignatureInvalid } from './errors';
import { MAX_DB_ID } from '../db/schema-files';

export const DOWNLOAD_TOKEN_PURPOSE = 'download-token';
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;
const MAX_TOKEN_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface DownloadTokenPayload {
  license_id: number;
  product_slug: string;
  expires: number;
  /** A version the token is bound to (lib/versions); absent: the product's latest. */
  version_id?: number;
}

const payloadSchema = z.strictObject({
  license_id: z.number().int().positive().max(MAX_DB_ID),
  product_slug: z.string().min(1).max(200),
  expires: z.number().int().nonnegative(),
  version_id: z.number().int().positive().max(MAX_DB_ID).optional(),
});

export const downloadTokenRing = (appKeys: readonly string[]) => deriveKeyRing(appKeys, DOWNLOAD_TOKEN_PURPOSE);

export function createDownloadToken(
  licenseId: number, productSlug: string, ring: KeyRing, nowSeconds: number, lifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS,
  versionId?: number,
): string {
  const payload: DownloadTokenPayload = { license_id: licenseId, product_slug: productSlug, expires: nowSeconds + lifetimeSeconds };
  if (versionId !== undefined) payload.version_id = versionId;
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${encoded}.${signWithRing(ring, encoded)}`;
}

/** Well-formed, then signed by a key in the ring, then not expired; throws the first that fails. */
export function verifyDownloadToken(token: string, ring: KeyRing, nowSeconds: number): DownloadTokenPayload {
  const payload = parseDownloadToken(token);
  const [encoded, signature] = token.split('.');
  if (!ringVerifies(ring, encoded, signature)) throw new TokenSignatureInvalid();
  if (nowSeconds > payload.expires) throw new TokenExpired();
  return payload;
}

/** Structure only: two base64url parts, a payload of the documented shape, a 32-byte signature. */
export function parseDownloadToken(token: string): DownloadTokenPayload {
  if (token.length > MAX_TOKEN_LENGTH) throw new TokenMalformed();
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((part) => BASE64URL.test(part))) throw new TokenMalformed();
  if (Buffer.from(parts[1], 'base64url').length !== 32) throw new TokenMalformed();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    throw new TokenMalformed();
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw new TokenMalformed();
  return parsed.data;
}
