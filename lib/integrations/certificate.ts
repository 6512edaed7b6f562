// A merchant's uploaded public key: an X.509 certificate PEM (as `openssl req -x509` makes it)
// or an SPKI public-key PEM. Anything else is refused with a message a merchant can act on.
import { X509Certificate, createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { ShopError, type CertificateErrorCode, type MessageParams } from '../errors';

export const MIN_RSA_BITS = 2048;
// Every request pays one public-key operation with this key: bound it.
export const MAX_RSA_BITS = 8192;
const MAX_PEM_CHARS = 20_000;

/** The words for each code, naming what to upload instead, are in messages/*.json. */
export class CertificateRefused extends ShopError {
  constructor(readonly code: CertificateErrorCode, params?: MessageParams) {
    super(`${code} ${JSON.stringify(params ?? {})}`, { params });
  }
}

export interface MerchantCertificate {
  publicKeyPem: string;
  format: 'x509' | 'spki';
  keyType: 'rsa' | 'ec' | 'ed25519';
  keyBits: number | null;
  fingerprint: string;
  subject: string | null;
  notAfter: Date | null;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

function keyTypeOf(key: KeyObject): { keyType: MerchantCertificate['keyType']; keyBits: number | null } {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) throw new CertificateRefused('CERTIFICATE_KEY_TOO_SMALL', { bits, min: MIN_RSA_BITS });
    if (bits > MAX_RSA_BITS) throw new CertificateRefused('CERTIFICATE_KEY_TOO_LARGE', { bits, max: MAX_RSA_BITS });
    return { keyType: 'rsa', keyBits: bits };
  }
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') return { keyType: 'ec', keyBits: 256 };
  if (key.asymmetricKeyType === 'ed25519') return { keyType: 'ed25519', keyBits: 256 };
  throw new CertificateRefused('CERTIFICATE_KEY_TYPE');
}

export function fingerprintOf(key: KeyObject): string {
  const digest = createHash('sha256').update(key.export({ format: 'der', type: 'spki' })).digest('hex').toUpperCase();
  return digest.match(/../g)!.join(':');
}

function readBlock(label: string, pem: string): { key: KeyObject; format: MerchantCertificate['format']; subject: string | null; notAfter: Date | null } {
  try {
    if (label === 'CERTIFICATE') {
      const cert = new X509Certificate(pem);
      return { key: cert.publicKey, format: 'x509', subject: cert.subject.replace(/\n/g, ', '), notAfter: new Date(cert.validTo) };
    }
    return { key: createPublicKey({ key: pem, format: 'pem' }), format: 'spki', subject: null, notAfter: null };
  } catch {
    throw new CertificateRefused('CERTIFICATE_UNREADABLE', { format: label === 'CERTIFICATE' ? 'certificate' : 'publicKey' });
  }
}

/** Validates an upload and keeps only its public key (as SPKI PEM) and what the admin is shown. */
export function parseMerchantCertificate(text: string): MerchantCertificate {
  if (text.length > MAX_PEM_CHARS) throw new CertificateRefused('CERTIFICATE_TOO_LARGE');
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.some(([, label]) => label.includes('PRIVATE KEY'))) {
    throw new CertificateRefused('CERTIFICATE_PRIVATE_KEY');
  }
  if (blocks.length === 0) throw new CertificateRefused('CERTIFICATE_NOT_PEM');
  if (blocks.length > 1) throw new CertificateRefused('CERTIFICATE_SEVERAL');
  const [pem, label] = blocks[0];
  if (label !== 'CERTIFICATE' && label !== 'PUBLIC KEY') {
    throw new CertificateRefused('CERTIFICATE_WRONG_BLOCK', { label });
  }
  const { key, format, subject, notAfter } = readBlock(label, pem);
  return {
    publicKeyPem: key.export({ format: 'pem', type: 'spki' }).toString(),
    format,
    ...keyTypeOf(key),
    fingerprint: fingerprintOf(key),
    subject,
    notAfter,
  };
}
