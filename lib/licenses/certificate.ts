// The offline proof of an activation (docs/specs/license-api.md): a JWT signed RS256 with the key
// store's `license-signing` key, its `kid` in the header, verifiable against /.well-known/jwks.json.
// Software keeps it beside the key and checks it without calling the shop. Pure but for jose.
import { SignJWT, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { KeyObject } from 'node:crypto';
import type { CertificateClaims } from './activations';

export const CERTIFICATE_TYPE = 'license+jwt';

export interface SigningKey { kid: string; alg: string; privateKey: KeyObject }

export interface LicenseCertificate extends JWTPayload {
  license_key_id: number; product_id: number; product_slug: string; instance_id: string; instance_name: string;
  activation_limit: number | null;
}

/** `iss` is the shop's public URL; `exp` only when the license ends; `sub` names the license key by its id. */
export async function signCertificate(claims: CertificateClaims, key: SigningKey, issuer: string, now: Date): Promise<string> {
  const { expires_at: expiresAt, ...body } = claims;
  const jwt = new SignJWT({ ...body })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: CERTIFICATE_TYPE })
    .setIssuer(issuer)
    .setSubject(`license-key:${claims.license_key_id}`)
    .setIssuedAt(Math.floor(now.getTime() / 1000));
  if (expiresAt) jwt.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  return jwt.sign(key.privateKey);
}

/** What software does offline: signature by a published key, issuer, type, and not expired. */
export async function verifyCertificate(certificate: string, keys: JWTVerifyGetKey, issuer: string, now: Date): Promise<LicenseCertificate> {
  const { payload } = await jwtVerify<LicenseCertificate>(certificate, keys, {
    issuer, typ: CERTIFICATE_TYPE, algorithms: ['RS256'], currentDate: now,
  });
  return payload;
}
