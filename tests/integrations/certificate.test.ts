// What an admin may upload as a merchant's certificate, made with the openssl command line.
import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateRefused, parseMerchantCertificate } from '@/lib/integrations';
import { makeMerchantKeys, openssl, writeTemp, type MerchantKeys } from '../support/merchant';
import { refusalOf } from '../support/words';

let merchant: MerchantKeys;
beforeAll(() => { merchant = makeMerchantKeys(2048, '/C=DE/O=Papier GmbH/CN=shop.papier.example'); });
afterAll(() => merchant?.cleanup());

/** The words the admin reads for a refused upload. */
const refusedWith = (text: string) => {
  expect(() => parseMerchantCertificate(text)).toThrow(CertificateRefused);
  return refusalOf(() => parseMerchantCertificate(text)).message;
};

describe('merchant certificates', () => {
  it('accepts the seed\'s openssl req -x509 certificate and keeps only its public key, fingerprint, subject and expiry', () => {
    const cert = parseMerchantCertificate(merchant.certPem);
    expect(cert).toMatchObject({ format: 'x509', keyType: 'rsa', keyBits: 2048 });
    expect(cert.subject).toContain('CN=shop.papier.example');
    expect(cert.notAfter!.getTime() - Date.now()).toBeGreaterThan(3640 * 86_400_000);
    expect(cert.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const expected = openssl(['x509', '-in', writeTemp(merchant.dir, 'c.pem', merchant.certPem), '-pubkey', '-noout']).toString();
    expect(cert.publicKeyPem.trim()).toBe(expected.trim());
    const opensslFingerprint = openssl(['pkey', '-pubin', '-in', writeTemp(merchant.dir, 'p.pem', expected), '-outform', 'DER']);
    expect(cert.fingerprint.replace(/:/g, '')).toBe(createHash('sha256').update(opensslFingerprint).digest('hex').toUpperCase());
  });

  it('accepts an SPKI public key from openssl rsa -pubout, and EC P-256 and Ed25519 keys for v2', () => {
    const spki = openssl(['rsa', '-in', merchant.privateKeyPath, '-pubout']).toString();
    expect(parseMerchantCertificate(spki)).toMatchObject({ format: 'spki', keyType: 'rsa', subject: null, notAfter: null });
    const ec = writeTemp(merchant.dir, 'ec.pem', openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout']));
    const ecCert = openssl(['req', '-new', '-key', ec, '-x509', '-days', '30', '-subj', '/CN=ec.example']).toString();
    expect(parseMerchantCertificate(ecCert)).toMatchObject({ format: 'x509', keyType: 'ec', keyBits: 256 });
    const ed = writeTemp(merchant.dir, 'ed.pem', openssl(['genpkey', '-algorithm', 'ed25519']));
    expect(parseMerchantCertificate(openssl(['pkey', '-in', ed, '-pubout']).toString())).toMatchObject({ keyType: 'ed25519' });
  });

  it('refuses a private key, in every PEM spelling, with a message that says so', () => {
    expect(refusedWith(merchant.privateKeyPem)).toMatch(/private key/i);
    expect(refusedWith(`${merchant.certPem}\n${merchant.privateKeyPem}`)).toMatch(/private key/i);
    const traditional = openssl(['rsa', '-in', merchant.privateKeyPath, '-traditional']).toString();
    expect(traditional).toMatch(/BEGIN RSA PRIVATE KEY/);
    expect(refusedWith(traditional)).toMatch(/private key/i);
  });

  it('refuses an RSA key under 2048 or over 8192 bits, and curves and key types it cannot use', () => {
    const small = makeMerchantKeys(1024);
    expect(refusedWith(small.certPem)).toMatch(/1024 bits; at least 2048/);
    small.cleanup();
    // Only the public half matters: a made-up 8200-bit modulus instead of minutes of key generation.
    const n = randomBytes(1025);
    n[0] |= 0x80;
    n[1024] |= 1;
    const huge = createPublicKey({ key: { kty: 'RSA', n: n.toString('base64url'), e: 'AQAB' }, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString();
    expect(refusedWith(huge)).toMatch(/8200 bits; at most 8192/);
    const p384 = writeTemp(merchant.dir, 'p384.pem', openssl(['ecparam', '-name', 'secp384r1', '-genkey', '-noout']));
    expect(refusedWith(openssl(['ec', '-in', p384, '-pubout']).toString())).toMatch(/Only RSA/);
  });

  it('refuses other formats: a CSR, PKCS#1 public keys, DER, junk, a truncated PEM, several blocks', () => {
    const csr = openssl(['req', '-new', '-key', merchant.privateKeyPath, '-subj', '/CN=x']).toString();
    expect(refusedWith(csr)).toMatch(/CERTIFICATE REQUEST.*not accepted/);
    const pkcs1 = openssl(['rsa', '-in', merchant.privateKeyPath, '-RSAPublicKey_out']).toString();
    expect(refusedWith(pkcs1)).toMatch(/RSA PUBLIC KEY.*not accepted/);
    const der = openssl(['x509', '-in', writeTemp(merchant.dir, 'c.pem', merchant.certPem), '-outform', 'DER']);
    expect(refusedWith(der.toString('latin1'))).toMatch(/Upload a PEM file/);
    expect(refusedWith('hello')).toMatch(/Upload a PEM file/);
    const lines = merchant.certPem.trim().split('\n');
    expect(refusedWith([...lines.slice(0, 5), ...lines.slice(-1)].join('\n'))).toMatch(/could not be read/);
    expect(refusedWith(merchant.certPem + merchant.certPem)).toMatch(/single/);
    expect(refusedWith('x'.repeat(20_001))).toMatch(/too large/);
  });
});
