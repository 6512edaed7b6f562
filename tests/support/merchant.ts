// A merchant as the seed tells one to be: keys made by the openssl command line, an integration
// in the store holding the certificate. The openssl binary is the independent party here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '@/lib/db/client';
import { createIntegration, parseMerchantCertificate, replaceCertificate, type IntegrationMode } from '@/lib/integrations';

export const openssl = (args: string[], input?: Buffer | string) => execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });

export interface MerchantKeys { dir: string; privateKeyPath: string; privateKeyPem: string; certPem: string; cleanup(): void }

/** `openssl genrsa -out privatekey.pem 2048` and `openssl req -new -key … -x509 -days 3650 -out publiccert.pem -subj …`. */
export function makeMerchantKeys(bits = 2048, subject = '/C=DE/O=Merchant GmbH/CN=merchant.example'): MerchantKeys {
  const dir = mkdtempSync(path.join(tmpdir(), 'merchant-'));
  const privateKeyPath = path.join(dir, 'privatekey.pem');
  const certPath = path.join(dir, 'publiccert.pem');
  openssl(['genrsa', '-out', privateKeyPath, String(bits)]);
  openssl(['req', '-new', '-key', privateKeyPath, '-x509', '-days', '3650', '-out', certPath, '-subj', subject]);
  return {
    dir, privateKeyPath,
    privateKeyPem: readFileSync(privateKeyPath, 'utf8'),
    certPem: readFileSync(certPath, 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function writeTemp(dir: string, name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

export async function addIntegration(db: Db, certPem: string | null, { mode = 'live' as IntegrationMode, name = 'Partner site', now = new Date() } = {}) {
  const integration = await createIntegration(db, { name, mode }, now);
  if (certPem) await replaceCertificate(db, integration.id, parseMerchantCertificate(certPem), 24, now);
  return integration;
}
