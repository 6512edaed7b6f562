// A paid line of a download product gets its license (lib/downloads); a software product's
// license also gets a key and the product's activation limit, as it was priced.
import type { Tx } from '../db/client';
import type { KeyRing } from '../signing';
import { createLicense } from '../downloads/licenses';
import { canonicalLicenseKey, generateLicenseKey, licenseKeyDigest } from './key';

interface PaidLine {
  orderId: number;
  orderItemId: number;
  product: { id: number; downloadLimit: number | null; licenseDays: number | null; licenseKeys: boolean; activationLimit: number | null };
}

export async function grantDownloadLicense(tx: Tx, line: PaidLine, now: Date, ctx: { licenseKeys: KeyRing }): Promise<void> {
  if (!line.product.licenseKeys) return createLicense(tx, line, now);
  const licenseKey = generateLicenseKey();
  const keyDigest = licenseKeyDigest(ctx.licenseKeys, canonicalLicenseKey(licenseKey)!);
  await createLicense(tx, line, now, { licenseKey, keyDigest, activationLimit: line.product.activationLimit });
}
